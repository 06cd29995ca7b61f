using System.Linq;
using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>IOTDA004 (minimum/maximum), IOTDA005 (minLength/maxLength) and IOTDA006 (pattern).</summary>
public sealed class RangeLengthPatternTests
{
    private const string CustomMembers = """
        public sealed class Custom
        {
            [RangeConstraint("ratio", 0d, 1d, MinimumIsExclusive = true, MaximumIsExclusive = true)]
            public double Ratio { get; set; }

            [RangeConstraint("count", 1d, double.PositiveInfinity)]
            public long Count { get; set; }

            [LengthConstraint("code", 2, int.MaxValue)]
            public string Code { get; set; } = "";

            [PatternConstraint("digits", "^\\d+$")]
            public string Digits { get; set; } = "";

            [PatternConstraint("letters", "^[a-z]+$")]
            public string Letters { get; set; } = "";

            [PatternConstraint("broken", "([")]
            public string Broken { get; set; } = "";
        }
        """;

    [Fact]
    public async Task Number_outside_the_range_names_the_value_and_the_range()
    {
        var test = Verify.Analyzer(InMethod("await client.ListDevicePoliciesAsync(limit: {|#0:100|});"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA004").WithLocation(0).WithMessage("limit is 100; the API accepts at least 1 and at most 50"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Numbers_in_every_position_are_checked()
    {
        await Verify.Analyzer(InMethod(
            """
            await client.ListDevicePoliciesAsync(null, null, {|IOTDA004:0|}, null, {|IOTDA004:-1|});
            await client.ListDevicePoliciesAsync(offset: {|IOTDA004:Offset|});
            var body = new ShowTargetsInDevicePolicyRequestBody { Limit = {|IOTDA004:51|}, Offset = flag ? 500 : {|IOTDA004:501|} };
            body.Limit = {|IOTDA004:Limit * 2|};
            """,
            "private const int Offset = 501; private const int Limit = 30;")).RunAsync();
    }

    [Fact]
    public async Task Numbers_in_switch_arms_and_after_a_null_coalescing_operator_are_checked()
    {
        var test = Verify.Analyzer(InMethod(
            """
            int? chosen = flag ? 20 : null;
            await client.ListDevicePoliciesAsync(limit: count switch { 1 => 10, 2 => {|#0:100|}, _ => {|IOTDA004:0|} });
            await client.ListDevicePoliciesAsync(limit: chosen ?? {|IOTDA004:51|}, offset: (int?)null ?? {|IOTDA004:Offset|});
            var body = new ShowTargetsInDevicePolicyRequestBody { Limit = chosen ?? count switch { > 0 => {|IOTDA004:-1|}, _ => 1 } };
            """,
            "private const int Offset = 501;"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA004").WithLocation(0).WithMessage("limit is 100; the API accepts at least 1 and at most 50"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Numbers_in_range_in_every_arm_or_after_a_left_that_is_never_null_are_not_flagged()
    {
        await Verify.Analyzer(InMethod("""
            int? chosen = flag ? 20 : null;
            await client.ListDevicePoliciesAsync(limit: count switch { 1 => 1, 2 => count, _ => 50 });
            await client.ListDevicePoliciesAsync(limit: chosen ?? 50, offset: (int?)500 ?? 501);
            await client.ListDevicePoliciesAsync(limit: (int?)(flag ? 10 : 20) ?? 0);
            """)).RunAsync();
    }

    [Fact]
    public async Task Exclusive_and_open_bounds_are_described_as_the_attribute_states_them()
    {
        var test = Verify.Analyzer(InMethod(
            """
            var custom = new Custom { Ratio = {|#0:0|}, Count = {|#1:0|} };
            custom.Ratio = 0.5;
            custom.Ratio = {|IOTDA004:1.0|};
            custom.Ratio = {|IOTDA004:double.NaN|};
            custom.Count = long.MaxValue;
            """,
            CustomMembers));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA004").WithLocation(0).WithMessage("ratio is 0; the API accepts more than 0 and less than 1"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA004").WithLocation(1).WithMessage("count is 0; the API accepts at least 1"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Numbers_inside_the_range_or_unknown_are_not_flagged()
    {
        await Verify.Analyzer(InMethod("""
            await client.ListDevicePoliciesAsync(limit: 1, offset: 500);
            await client.ListDevicePoliciesAsync(limit: 50, offset: 0);
            await client.ListDevicePoliciesAsync(limit: count, offset: count * 1000);
            var page = new Page { Count = 100000 };
            """)).RunAsync();
    }

    [Fact]
    public async Task String_too_long_names_the_length_in_code_points_and_the_maximum()
    {
        var name = new string('a', 129);
        var test = Verify.Analyzer(InMethod($"var body = new CreateDevicePolicyRequestBody {{ PolicyName = {{|#0:\"{name}\"|}} }};"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA005").WithLocation(0).WithMessage($"policy_name '{new string('a', 64)}...' is 129 characters long; the API accepts at most 128"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Length_is_counted_in_code_points()
    {
        var faces256 = string.Concat(Enumerable.Repeat("\\U0001F600", 256));
        var faces257 = string.Concat(Enumerable.Repeat("\\U0001F600", 257));
        await Verify.Analyzer(InMethod($$"""
            await client.ListDevicePoliciesAsync(policyName: "{{faces256}}");
            await client.ListDevicePoliciesAsync(policyName: {|IOTDA005:"{{faces257}}"|});
            """)).RunAsync();
    }

    [Fact]
    public async Task String_too_short_names_the_minimum()
    {
        var test = Verify.Analyzer(InMethod("var custom = new Custom { Code = {|#0:\"a\"|} }; custom.Code = \"ab\";", CustomMembers));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA005").WithLocation(0).WithMessage("code 'a' is 1 characters long; the API needs at least 2"));
        await test.RunAsync();
    }

    [Fact]
    public async Task String_not_matching_the_pattern_names_the_pattern()
    {
        var test = Verify.Analyzer(InMethod("await client.ShowDevicePolicyAsync({|#0:\"not-an-id\"|});"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA006").WithLocation(0).WithMessage("policy_id 'not-an-id' does not match the pattern ^[0-9a-fA-F]{24}$"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Patterns_use_ECMAScript_semantics_and_an_invalid_pattern_flags_nothing()
    {
        await Verify.Analyzer(InMethod(
            """
            var custom = new Custom { Digits = "0123", Broken = "anything" };
            custom.Digits = {|IOTDA006:"\u0661\u0662\u0663"|};
            """,
            CustomMembers)).RunAsync();
    }

    [Fact]
    public async Task Pattern_end_anchors_reject_a_trailing_newline_as_the_runtime_does()
    {
        await Verify.Analyzer(InMethod(
            """
            var custom = new Custom { Letters = "abc" };
            custom.Letters = {|IOTDA006:"abc\n"|};
            """,
            CustomMembers)).RunAsync();
    }

    [Fact]
    public async Task Several_rules_of_one_member_are_each_reported()
    {
        var name = new string('!', 129);
        var test = Verify.Analyzer(InMethod($$"""
            var body = new CreateDevicePolicyRequestBody { PolicyName = {|#0:"{{name}}"|}, AppId = {|IOTDA006:"bad app"|} };
            body.PolicyName = "good_name-1";
            await client.ShowDevicePolicyAsync(Id);
            await client.ShowDevicePolicyAsync(text);
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA005").WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA006").WithLocation(0));
        await test.RunAsync();
    }
}
