using System.Threading.Tasks;
using IoTDA.Analyzers.CodeFixes;
using IoTDA.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

public sealed class CodeFixTests
{
    [Fact]
    public async Task IOTDA002_is_fixed_with_the_closest_allowed_value()
    {
        var test = new Verifier<AllowedValueCodeFixProvider>(
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = {|IOTDA002:\"devices\"|} };"),
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = \"device\" };"))
        {
            CodeActionEquivalenceKey = AllowedValueCodeFixProvider.ClosestValueKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA002_is_fixed_with_the_named_value()
    {
        var test = new Verifier<AllowedValueCodeFixProvider>(
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = {|IOTDA002:\"Devices\"|} }; await client.BindDevicePolicyInBatchesAsync(Id, {|IOTDA002:\"App\"|}, more);"),
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device }; await client.BindDevicePolicyInBatchesAsync(Id, TargetType.App, more);"))
        {
            CodeActionEquivalenceKey = AllowedValueCodeFixProvider.NamedValueKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA002_in_a_switch_arm_or_after_a_null_coalescing_operator_replaces_only_that_value()
    {
        var test = new Verifier<AllowedValueCodeFixProvider>(
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = count switch { 1 => {|IOTDA002:\"devices\"|}, 2 => \"app\", _ => text ?? {|IOTDA002:\"products\"|} } };"),
            InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = count switch { 1 => \"device\", 2 => \"app\", _ => text ?? \"product\" } };"))
        {
            CodeActionEquivalenceKey = AllowedValueCodeFixProvider.ClosestValueKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA002_named_value_is_offered_only_for_enum_types_and_fix_all_covers_every_document()
    {
        const string Members = """
            public sealed class Plain
            {
                [AllowedValuesConstraint("mode", "fast", "slow")]
                public string Mode { get; set; } = "fast";
            }
            """;
        var test = new Verifier<AllowedValueCodeFixProvider>(
            InMethod("var plain = new Plain { Mode = {|IOTDA002:\"Fast\"|} }; plain.Mode = {|IOTDA002:\"slower\"|};", Members),
            InMethod("var plain = new Plain { Mode = \"fast\" }; plain.Mode = \"slow\";", Members))
        {
            CodeActionEquivalenceKey = AllowedValueCodeFixProvider.ClosestValueKey,
        };
        test.TestState.Sources.Add(("/0/Other.cs", "public static class Other { public static IoTDA.DevicePolicyTargetsRequestBody Body() => new() { TargetType = {|IOTDA002:\"products\"|} }; }"));
        test.FixedState.Sources.Add(("/0/Other.cs", "public static class Other { public static IoTDA.DevicePolicyTargetsRequestBody Body() => new() { TargetType = \"product\" }; }"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA002_without_a_near_value_offers_no_fix()
    {
        var source = InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = {|IOTDA002:\"xyz\"|} };");
        await new Verifier<AllowedValueCodeFixProvider>(source, source).RunAsync();
    }

    [Fact]
    public async Task IOTDA001_on_an_unbind_body_becomes_the_batching_call_keeping_the_other_arguments()
    {
        var test = new Verifier<InBatchesCodeFixProvider>(
            InMethod($"var result = await client.UnbindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetType = TargetType.Device, TargetIds = {{|IOTDA001:[{Ids(21)}]|}} }}, cancellationToken: ct);"),
            InMethod($"var result = await client.UnbindDevicePolicyInBatchesAsync(Id, TargetType.Device, [{Ids(21)}], cancellationToken: ct);"))
        {
            CodeActionEquivalenceKey = InBatchesCodeFixProvider.EquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA001_on_a_bind_body_with_named_arguments_and_a_target_typed_body()
    {
        var test = new Verifier<InBatchesCodeFixProvider>(
            InMethod($$"""
                var result = await client.BindDevicePolicyAsync(
                    policyId: Id,
                    body: new()
                    {
                        TargetIds = {|IOTDA001:new[] { {{Ids(21)}} }|},
                        TargetType = "product",
                    },
                    instanceId: "instance");
                """),
            InMethod($$"""
                var result = await client.BindDevicePolicyInBatchesAsync(Id, "product", new[] { {{Ids(21)}} }, instanceId: "instance");
                """));
        await test.RunAsync();
    }

    [Fact]
    public async Task IOTDA001_fix_all_rewrites_every_call_in_the_solution()
    {
        var test = new Verifier<InBatchesCodeFixProvider>(
            InMethod($$"""
                await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetType = TargetType.App, TargetIds = {|IOTDA001:[{{Ids(21)}}]|} });
                await client.UnbindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetType = TargetType.App, TargetIds = {|IOTDA001:[{{Ids(22)}}]|} });
                """),
            InMethod($$"""
                await client.BindDevicePolicyInBatchesAsync(Id, TargetType.App, [{{Ids(21)}}]);
                await client.UnbindDevicePolicyInBatchesAsync(Id, TargetType.App, [{{Ids(22)}}]);
                """));
        test.TestState.Sources.Add(("/0/Other.cs", $"public static class Other {{ public static System.Threading.Tasks.Task<IoTDA.DevicePolicyBindOrUnbindResult> Send(IoTDA.IoTDAClient c) => c.BindDevicePolicyAsync(\"0123456789abcdef01234567\", new IoTDA.DevicePolicyTargetsRequestBody {{ TargetType = IoTDA.TargetType.Device, TargetIds = {{|IOTDA001:[{Ids(21)}]|}} }}); }}"));
        test.FixedState.Sources.Add(("/0/Other.cs", $"public static class Other {{ public static System.Threading.Tasks.Task<IoTDA.DevicePolicyBindOrUnbindResult> Send(IoTDA.IoTDAClient c) => c.BindDevicePolicyInBatchesAsync(\"0123456789abcdef01234567\", IoTDA.TargetType.Device, [{Ids(21)}]); }}"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("var body = new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = {|IOTDA001:[IDS]|} }; await client.BindDevicePolicyAsync(Id, body);")]
    [InlineData("await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetIds = {|IOTDA001:[IDS]|} });")]
    [InlineData("var statement = new DevicePolicyStatement { Effect = Effect.Allow, Resources = {|IOTDA001:[IDS]|} };")]
    public async Task IOTDA001_offers_no_fix_when_the_rewrite_would_lose_or_need_something(string statements)
    {
        // Without a target type the batching method cannot be called; a body built elsewhere or another member has no batching method.
        var source = InMethod(statements.Replace("IDS", Ids(21)));
        await new Verifier<InBatchesCodeFixProvider>(source, source).RunAsync();
    }
}
