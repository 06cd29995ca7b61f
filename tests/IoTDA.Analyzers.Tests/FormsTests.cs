using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>Where a value can flow into a constrained member: lambdas, local functions, top-level code, constructors, fields, overrides.</summary>
public sealed class FormsTests
{
    [Fact]
    public async Task Lambdas_and_local_functions_are_analyzed()
    {
        await Verify.Analyzer(InMethod($$"""
            Func<Task> send = () => client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetIds = {|IOTDA001:[{{Ids(21)}}]|} });
            Func<DevicePolicyTargetsRequestBody> make = () => new() { TargetType = {|IOTDA002:"apps"|} };
            await Local();

            Task Local() => client.ListDevicePoliciesAsync(limit: {|IOTDA004:0|});
            """)).RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_are_analyzed()
    {
        var test = Verify.Analyzer($$"""
            using IoTDA;

            var body = new DevicePolicyTargetsRequestBody { TargetType = {|IOTDA002:"devices"|}, TargetIds = {|IOTDA001:[{{Ids(21)}}]|} };
            System.Console.WriteLine(body.TargetIds.Count);
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Constructor_parameters_fields_and_overrides_carry_their_rules()
    {
        await Verify.Analyzer(InMethod(
            """
            var first = new Holder({|IOTDA004:0|});
            var second = new Holder(size: {|IOTDA004:11|});
            var third = new Holder(5) { Name = {|IOTDA006:"b"|} };
            third.Name = "a";
            var derived = new Derived { Kind = {|IOTDA002:"three"|} };
            derived.Kind = "one";
            """,
            """
            public class Holder
            {
                [PatternConstraint("name", "^a$")]
                public string Name = "a";

                public Holder([RangeConstraint("size", 1d, 10d)] int size) => Size = size;

                public Holder() { }

                public int Size { get; }

                [AllowedValuesConstraint("kind", "one", "two")]
                public virtual string Kind { get; set; } = "one";
            }

            public sealed class Derived : Holder
            {
                public override string Kind { get; set; } = "two";
            }
            """)).RunAsync();
    }

    [Fact]
    public async Task Members_without_a_constraint_attribute_are_never_flagged()
    {
        await Verify.Analyzer(InMethod($$"""
            var result = new DevicePolicyBindOrUnbindResult { SuccessTargets = [{{Ids(30)}}], PolicyId = "x" };
            var failure = new DevicePolicyBindOrUnbindFailureDetail { ErrorCode = "devices" };
            var statement = new DevicePolicyStatement { Effect = Effect.Deny, Actions = [{{Ids(30)}}], Resources = ["topic:/a"] };
            """)).RunAsync();
    }

    [Fact]
    public async Task Attributes_written_by_hand_with_missing_parts_flag_nothing_and_throw_nothing()
    {
        await Verify.Analyzer(InMethod(
            """
            var odd = new Odd { NoName = [1, 2, 3], NullValues = "x", NullList = "y", Negative = [] };
            """,
            """
            public sealed class Odd
            {
                [MaxItemsConstraint(null!, 1)]
                public int[] NoName { get; set; } = [];

                [AllowedValuesConstraint("a", "b", null!)]
                public string NullValues { get; set; } = "";

                [AllowedValuesConstraint("c", null!)]
                public string NullList { get; set; } = "";

                [MinItemsConstraint("d", -1)]
                public int[] Negative { get; set; } = [];
            }
            """)).RunAsync();
    }

    [Fact]
    public async Task Nothing_is_reported_in_a_compilation_without_IoTDA_Runtime()
    {
        var test = new Verifier<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
            """
            public class Plain
            {
                public string[] Ids { get; set; } = new string[100];
            }
            """);
        Assert.True(test.RunsGenerator);
        test.TestState.AdditionalFiles.Clear();
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        await test.RunAsync();
    }
}
