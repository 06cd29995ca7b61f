using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>IOTDA001 (maxItems) and IOTDA003 (minItems).</summary>
public sealed class ItemsTests
{
    [Fact]
    public async Task Collection_expression_over_the_limit_names_the_count_and_the_limit()
    {
        var test = Verify.Analyzer(InMethod($"await client.UnbindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetType = TargetType.Device, TargetIds = {{|#0:[{Ids(21)}]|}} }});"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA001").WithLocation(0).WithMessage("target_ids has 21 items; the API accepts at most 20 per call"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("new[] { IDS }")]
    [InlineData("new string[] { IDS }")]
    [InlineData("new string[21]")]
    [InlineData("new string[Size]")]
    [InlineData("new List<string> { IDS }")]
    [InlineData("new List<string>(4) { IDS }")]
    [InlineData("[.. new[] { \"x\" }, IDS20]")]
    [InlineData("[.. (string[])[IDS20], \"x\"]")]
    public async Task Every_literal_form_over_the_limit_is_flagged(string collection)
    {
        var value = collection.Replace("IDS20", Ids(20)).Replace("IDS", Ids(21));
        await Verify.Analyzer(InMethod(
            $"await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetIds = {{|IOTDA001:{value}|}} }});",
            "private const int Size = 21;")).RunAsync();
    }

    [Fact]
    public async Task Each_branch_of_a_conditional_is_checked_on_its_own()
    {
        await Verify.Analyzer(InMethod(
            $"await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetIds = flag ? {{|IOTDA001:new[] {{ {Ids(21)} }}|}} : new[] {{ {Ids(20)} }} }});")).RunAsync();
    }

    [Fact]
    public async Task Each_arm_of_a_switch_expression_is_checked_on_its_own()
    {
        await Verify.Analyzer(InMethod($$"""
            await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetIds = count switch { 1 => {|IOTDA001:new[] { {{Ids(21)}} }|}, 2 => new[] { {{Ids(20)}} }, _ => more } });
            var body = new DevicePolicyTargetsRequestBody { TargetIds = count switch { 1 => {|IOTDA001:[{{Ids(22)}}]|}, 2 => [{{Ids(20)}}], _ => [] } };
            var statement = new DevicePolicyStatement { Effect = Effect.Allow, Resources = flag switch { true => {|IOTDA003:[]|}, false => ["topic:/a"] } };
            """)).RunAsync();
    }

    [Fact]
    public async Task The_right_of_a_null_coalescing_operator_is_checked_unless_the_left_is_written_in_place()
    {
        await Verify.Analyzer(InMethod($$"""
            var body = new DevicePolicyTargetsRequestBody { TargetIds = more ?? {|IOTDA001:[{{Ids(21)}}]|} };
            body.TargetIds = more ?? (flag ? {|IOTDA001:new[] { {{Ids(21)}} }|} : []);
            body.TargetIds = more ?? [{{Ids(20)}}];
            body.TargetIds = new[] { {{Ids(20)}} } ?? [{{Ids(21)}}];
            body.TargetIds = {|IOTDA001:new[] { {{Ids(21)}} }|} ?? more;
            """)).RunAsync();
    }

    [Fact]
    public async Task Spread_of_unknown_size_is_flagged_when_the_known_items_already_exceed_the_limit()
    {
        var test = Verify.Analyzer(InMethod($"await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetIds = {{|#0:[.. more, {Ids(21)}]|}} }});"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA001").WithLocation(0).WithMessage("target_ids has at least 21 items; the API accepts at most 20 per call"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Spread_of_a_switch_expression_or_null_coalescing_counts_its_smallest_branch()
    {
        var test = Verify.Analyzer(InMethod($$"""
            var body = new DevicePolicyTargetsRequestBody { TargetIds = {|#0:[.. (count switch { 1 => new[] { {{Ids(11)}} }, _ => new[] { {{Ids(12)}} } }), .. new[] { {{Ids(10)}} }]|} };
            body.TargetIds = {|#1:[.. ((string[]?)null ?? new[] { {{Ids(15)}} }), {{Ids(6)}}]|};
            body.TargetIds = [.. (count switch { 1 => new[] { {{Ids(5)}} }, _ => more! }), {{Ids(18)}}];
            body.TargetIds = [.. (count switch { 1 => new[] { {{Ids(5)}} }, _ => new[] { {{Ids(3)}} } }), {{Ids(15)}}];
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA001").WithLocation(0).WithMessage("target_ids has at least 21 items; the API accepts at most 20 per call"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA001").WithLocation(1).WithMessage("target_ids has 21 items; the API accepts at most 20 per call"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Property_assignment_after_construction_is_flagged()
    {
        await Verify.Analyzer(InMethod($$"""
            var body = new DevicePolicyTargetsRequestBody();
            body.TargetIds = {|IOTDA001:[{{Ids(21)}}]|};
            await client.BindDevicePolicyAsync(Id, body);
            """)).RunAsync();
    }

    [Theory]
    [InlineData("[IDS20]")]
    [InlineData("new string[20]")]
    [InlineData("new string[count]")]
    [InlineData("more")]
    [InlineData("[.. more, \"x\"]")]
    [InlineData("more.Take(21).ToArray()")]
    [InlineData("new List<string>(more) { \"x\" }")]
    public async Task At_the_limit_or_unknown_is_not_flagged(string collection)
    {
        await Verify.Analyzer(InMethod($"await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetIds = {collection.Replace("IDS20", Ids(20))} }});")).RunAsync();
    }

    [Fact]
    public async Task Collections_outside_a_constrained_member_are_not_flagged()
    {
        await Verify.Analyzer(InMethod($$"""
            string[] local = [{{Ids(21)}}];
            var list = new List<string> { {{Ids(21)}} };
            await client.BindDevicePolicyInBatchesAsync(Id, TargetType.Device, [{{Ids(45)}}]);
            await client.UnbindDevicePolicyInBatchesAsync(Id, TargetType.Device, local);
            """)).RunAsync();
    }

    [Fact]
    public async Task Too_few_items_names_the_count_and_the_minimum()
    {
        var test = Verify.Analyzer(InMethod("var statement = new DevicePolicyStatement { Effect = Effect.Allow, Actions = [\"iotda:devices:publish\"], Resources = {|#0:[]|} };"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("IOTDA003").WithLocation(0).WithMessage("resources has 0 items; the API needs at least 1"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("{|IOTDA003:new string[0]|}")]
    [InlineData("{|IOTDA003:Array.Empty<string>()|}")]
    [InlineData("{|IOTDA003:new List<string>()|}")]
    [InlineData("{|IOTDA001:[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\"]|}")]
    [InlineData("[\"topic:/a\"]")]
    [InlineData("[.. more]")]
    [InlineData("more")]
    public async Task Resources_between_one_and_ten(string resources)
    {
        await Verify.Analyzer(InMethod($"var statement = new DevicePolicyStatement {{ Effect = Effect.Allow, Resources = {resources} }};")).RunAsync();
    }

    [Fact]
    public async Task Sets_count_distinct_constants_only()
    {
        await Verify.Analyzer(InMethod(
            """
            var tags = new Tagged();
            tags.Tags = new HashSet<string> { "a", "a", "a" };
            tags.Tags = {|IOTDA001:new HashSet<string> { "a", "b", "c" }|};
            tags.Tags = new HashSet<string> { text, text, text };
            tags.Labels = [text, text, text];
            tags.Labels = {|IOTDA001:["a", "b", "c"]|};
            """,
            """
            public sealed class Tagged
            {
                [MaxItemsConstraint("tags", 2)]
                public ISet<string> Tags { get; set; } = new HashSet<string>();

                [MaxItemsConstraint("labels", 2)]
                public HashSet<string> Labels { get; set; } = new HashSet<string>();
            }
            """)).RunAsync();
    }
}
