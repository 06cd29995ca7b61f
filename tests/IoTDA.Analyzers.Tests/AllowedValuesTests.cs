using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>IOTDA002: a string constant that is not one of the allowed values.</summary>
public sealed class AllowedValuesTests
{
    [Fact]
    public async Task String_literal_converted_to_the_enum_struct_names_the_choices_and_the_likely_one()
    {
        var test = Verify.Analyzer(InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = {|#0:\"devices\"|}, TargetIds = [\"d1\"] };"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(0).WithMessage("'devices' is not a valid target_type; expected device, product or app (did you mean 'device'?)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_boolean_that_allows_one_value_flags_the_other_constant_and_nothing_else()
    {
        var test = Verify.Analyzer(InMethod(
            """
            var alarm = new Alarm { Acknowledged = {|#0:false|}, Silent = {|#1:true|} };
            alarm.Acknowledged = true;
            alarm.Silent = false;
            alarm.Silent = null;
            alarm.Acknowledged = flag;
            alarm.Silent = flag ? {|#2:true|} : false;
            """,
            """
            public sealed class Alarm
            {
                [AllowedValuesConstraint("acknowledged", "true")] public bool Acknowledged { get; set; } = true;
                [AllowedValuesConstraint("silent", "false")] public bool? Silent { get; set; }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(0).WithMessage("'false' is not a valid acknowledged; expected true"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(1).WithMessage("'true' is not a valid silent; expected false"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(2).WithMessage("'true' is not a valid silent; expected false"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_near_none_of_the_choices_gets_no_suggestion()
    {
        var test = Verify.Analyzer(InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = {|#0:\"xyz\"|} };"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(0).WithMessage("'xyz' is not a valid target_type; expected device, product or app"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("\"Device\"")]
    [InlineData("\"device \"")]
    [InlineData("\" device\"")]
    [InlineData("\"DEVICE\"")]
    [InlineData("Devices")]
    [InlineData("Prefix + \"s\"")]
    [InlineData("\"dev\" + \"ices\"")]
    [InlineData("$\"{Prefix}s\"")]
    [InlineData("$\"{'d'}evices\"")]
    public async Task Case_and_whitespace_count_and_every_constant_form_is_read(string value)
    {
        await Verify.Analyzer(InMethod(
            $"var body = new DevicePolicyTargetsRequestBody {{ TargetType = {{|IOTDA002:{value}|}} }};",
            "private const string Devices = \"devices\"; private const string Prefix = \"device\";")).RunAsync();
    }

    [Fact]
    public async Task Each_constant_branch_of_a_conditional_is_checked()
    {
        await Verify.Analyzer(InMethod("""
            var body = new DevicePolicyTargetsRequestBody { TargetType = flag ? {|IOTDA002:"devices"|} : "app" };
            body.TargetType = flag ? TargetType.Device : {|IOTDA002:"apps"|};
            body.TargetType = flag ? {|IOTDA002:"x"|} : {|IOTDA002:"y"|};
            body.TargetType = (TargetType){|IOTDA002:"devices"|};
            body.TargetType = new TargetType({|IOTDA002:"devices"|});
            body.TargetType = new TargetType("device");
            const string kind = "devices";
            body.TargetType = {|IOTDA002:kind|};
            """)).RunAsync();
    }

    [Fact]
    public async Task Each_arm_of_a_switch_expression_is_checked_where_it_is_written()
    {
        var test = Verify.Analyzer(InMethod("""
            var body = new DevicePolicyTargetsRequestBody { TargetType = count switch { 1 => {|#0:"devices"|}, 2 => TargetType.App, _ => {|IOTDA002:"apps"|} } };
            body.TargetType = count switch { 1 => "device", _ => flag ? {|IOTDA002:"x"|} : count switch { 2 => {|IOTDA002:"y"|}, _ => text } };
            body.TargetType = (flag, count) switch { (true, > 2) => (TargetType){|IOTDA002:"Product"|}, _ => throw new ArgumentException() };
            await client.BindDevicePolicyInBatchesAsync(Id, count switch { 1 => "app", _ => {|IOTDA002:"products"|} }, more);
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA002").WithLocation(0).WithMessage("'devices' is not a valid target_type; expected device, product or app (did you mean 'device'?)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_right_of_a_null_coalescing_operator_is_checked_when_the_left_can_be_null()
    {
        await Verify.Analyzer(InMethod("""
            TargetType? chosen = flag ? TargetType.App : null;
            var body = new DevicePolicyTargetsRequestBody { TargetType = text ?? {|IOTDA002:"devices"|} };
            body.TargetType = chosen ?? {|IOTDA002:"apps"|};
            body.TargetType = (flag ? text : null) ?? {|IOTDA002:"x"|};
            body.TargetType = (flag ? {|IOTDA002:"y"|} : null) ?? "app";
            body.TargetType = (string?)null ?? {|IOTDA002:"devices"|};
            body.TargetType = {|IOTDA002:"apps"|} ?? "devices";
            body.TargetType = text ?? (flag ? "app" : {|IOTDA002:"z"|});
            body.TargetType = text ?? count switch { 1 => "device", _ => {|IOTDA002:"Device"|} };
            await client.BindDevicePolicyInBatchesAsync(Id, text ?? {|IOTDA002:"product "|}, more);
            """)).RunAsync();
    }

    [Fact]
    public async Task Arguments_positional_named_and_nullable_are_checked()
    {
        await Verify.Analyzer(InMethod("""
            await client.BindDevicePolicyInBatchesAsync(Id, {|IOTDA002:"devices"|}, more);
            await client.UnbindDevicePolicyInBatchesAsync(targetIds: more, targetType: {|IOTDA002:"product "|}, policyId: Id);
            await foreach (var target in client.ShowTargetsInDevicePolicyAllAsync(Id, targetType: {|IOTDA002:"apps"|}))
            {
            }
            """)).RunAsync();
    }

    [Fact]
    public async Task Nullable_enum_property_and_upper_case_values_are_checked()
    {
        await Verify.Analyzer(InMethod("""
            var list = new ShowTargetsInDevicePolicyRequestBody { TargetType = {|IOTDA002:"products"|} };
            var statement = new DevicePolicyStatement { Effect = {|IOTDA002:"allow"|}, Resources = ["topic:/a"] };
            """)).RunAsync();
    }

    [Fact]
    public async Task Allowed_values_named_values_and_unknown_values_are_not_flagged()
    {
        await Verify.Analyzer(InMethod("""
            var body = new DevicePolicyTargetsRequestBody { TargetType = "device" };
            body.TargetType = TargetType.App;
            body.TargetType = text;
            body.TargetType = flag ? "product" : "app";
            body.TargetType = new TargetType(text);
            body.TargetType = text + "s";
            body.TargetType = $"{text}s";
            body.TargetType = $"{count}";
            TargetType local = "devices";
            var name = "devices";
            await client.BindDevicePolicyInBatchesAsync(Id, "product", more);
            """)).RunAsync();
    }

    [Fact]
    public async Task Allowed_arms_and_the_right_of_a_null_coalescing_operator_that_never_runs_are_not_flagged()
    {
        await Verify.Analyzer(InMethod("""
            var body = new DevicePolicyTargetsRequestBody { TargetType = count switch { 1 => "device", 2 => TargetType.App, _ => text } };
            body.TargetType = count switch { 1 => "product", _ => throw new ArgumentException() };
            body.TargetType = text ?? "product";
            body.TargetType = "app" ?? "devices";
            body.TargetType = (flag ? "device" : "app") ?? "devices";
            body.TargetType = (count switch { 1 => "device", _ => throw new ArgumentException() }) ?? "devices";
            body.TargetType = $"{text}" ?? "devices";
            body.TargetType = new TargetType?(new TargetType(text)) ?? "devices";
            var local = count switch { 1 => "devices", _ => "apps" };
            body.TargetType = local;
            var fallback = text ?? "devices";
            """)).RunAsync();
    }
}
