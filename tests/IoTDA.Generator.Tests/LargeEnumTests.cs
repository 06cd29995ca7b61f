using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Every use of an enum repeats its values (the constraint attribute, the validator), so an enum past the bound is a
/// string: what is emitted stays small however many values the spec lists.
/// </summary>
public class LargeEnumTests
{
    private const string Path = "/specs/codes.yaml";

    private static string Spec(int values)
    {
        var list = string.Join(", ", Enumerable.Range(0, values).Select(i => "c" + i));
        return ThingSpec.Header("Codes", "        - {name: code, in: query, schema: {$ref: \"#/components/schemas/Code\"}}\n") + $$$"""
                Code:
                  type: string
                  enum: [{{{list}}}]
                Thing:
                  type: object
                  properties:
                    code: {$ref: "#/components/schemas/Code"}
                    region:
                      type: string
                      enum: [{{{list}}}]

            """;
    }

    private static (GeneratorDriverRunResult Run, Compilation Output) Run(int values) =>
        GeneratorHarness.Run(new SpecInput(Path, Spec(values), "Codes", "CodesClient"));

    private static string PropertyType(Compilation output, string property) =>
        ((IPropertySymbol)output.GetTypeByMetadataName("Codes.Thing")!.GetMembers(property).Single()).Type.ToDisplayString();

    [Fact]
    public void An_enum_of_up_to_1000_values_is_an_enum()
    {
        var (run, output) = Run(1000);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Equal("Codes.Code?", PropertyType(output, "Code"));
        Assert.Equal("Codes.Region?", PropertyType(output, "Region"));
    }

    [Fact]
    public void An_enum_of_more_than_1000_values_is_IOTDA113_and_a_string()
    {
        var (run, output) = Run(1001);

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var reported = run.Diagnostics.Where(d => d.Id == "IOTDA113").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(new[] { 19, 26 }, reported.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(reported, d => Assert.Equal(Path, d.Location.GetLineSpan().Path));
        Assert.Contains("1001", reported[0].GetMessage());
        Assert.Contains("1000", reported[0].GetMessage());
        Assert.Equal("string?", PropertyType(output, "Code"));
        Assert.Equal("string?", PropertyType(output, "Region"));
        Assert.Null(output.GetTypeByMetadataName("Codes.Code"));
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Codes.CodesClient")!.GetMembers("GetThingAsync").Single();
        Assert.Equal("string?", method.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void What_a_100000_value_enum_emits_does_not_grow_with_its_values()
    {
        var (small, _) = Run(1001);
        var (large, _) = Run(100_000);

        Assert.Equal(small.GeneratedTrees.Length, large.GeneratedTrees.Length);
        Assert.Equal(
            small.GeneratedTrees.Sum(t => t.Length),
            large.GeneratedTrees.Sum(t => t.Length));
    }
}
