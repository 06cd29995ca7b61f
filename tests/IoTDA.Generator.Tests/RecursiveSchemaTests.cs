using System.Linq;
using System.Text;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Schemas that reach themselves (through properties, <c>allOf</c> or both) and schemas nested past the bound: each
/// generates what it can, reports what it cannot at the spec's line, and never takes the compiler down.
/// </summary>
public class RecursiveSchemaTests
{
    private const string Path = "/specs/things.yaml";

    private static readonly string Header = ThingSpec.Header("Things");

    private static (Diagnostic[] Diagnostics, Compilation Output) Run(string schemas)
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput(Path, (Header + schemas).Replace("\r\n", "\n"), "Things", "ThingsClient"));
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "IOTDA199");
        Assert.NotEmpty(output.GetTypeByMetadataName("Things.ThingsClient")!.GetMembers("GetThingAsync"));
        return (run.Diagnostics.ToArray(), output);
    }

    private static string PropertyType(Compilation output, string type, string property) =>
        ((IPropertySymbol)output.GetTypeByMetadataName("Things." + type)!.GetMembers(property).Single()).Type.ToDisplayString();

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void A_reference_in_allOf_beside_a_description_is_the_referenced_type()
    {
        var (_, output) = Run("""
                Thing:
                  type: object
                  properties:
                    owner:
                      description: Who owns the thing.
                      allOf: [{$ref: "#/components/schemas/Owner"}]
                Owner:
                  type: object
                  properties:
                    name: {type: string}

            """);

        Assert.Equal("Things.Owner?", PropertyType(output, "Thing", "Owner"));
        Assert.Null(output.GetTypeByMetadataName("Things.ThingOwner"));
    }

    [Fact]
    public void A_schema_that_refers_to_itself_through_an_annotated_allOf_is_a_reference_to_itself()
    {
        var (diagnostics, output) = Run("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    parent:
                      description: The thing this one belongs to.
                      allOf: [{$ref: "#/components/schemas/Thing"}]

            """);

        Assert.Equal("Things.Thing?", PropertyType(output, "Thing", "Parent"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Schemas_that_refer_to_each_other_through_annotated_allOf_are_references_to_each_other()
    {
        var (diagnostics, output) = Run("""
                Thing:
                  type: object
                  properties:
                    other:
                      description: The other side.
                      allOf: [{$ref: "#/components/schemas/Other"}]
                Other:
                  type: object
                  properties:
                    thing:
                      description: Back to the thing.
                      allOf: [{$ref: "#/components/schemas/Thing"}]

            """);

        Assert.Equal("Things.Other?", PropertyType(output, "Thing", "Other"));
        Assert.Equal("Things.Thing?", PropertyType(output, "Other", "Thing"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_inline_class_whose_members_lead_back_to_it_refers_to_the_class_being_built()
    {
        // The inline schema merges Thing's members, among them this very property: one class, not an endless chain.
        var (_, output) = Run("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    parent:
                      allOf: [{$ref: "#/components/schemas/Thing"}]
                      properties:
                        note: {type: string}

            """);

        Assert.Equal("Things.ThingParent?", PropertyType(output, "Thing", "Parent"));
        Assert.Equal("Things.ThingParent?", PropertyType(output, "ThingParent", "Parent"));
        Assert.Equal(new[] { "Name", "Parent", "Note" }, output.GetTypeByMetadataName("Things.ThingParent")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public void A_reference_into_its_own_component_ends()
    {
        var (_, output) = Run("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    child:
                      allOf: [{$ref: "#/components/schemas/Thing/properties/child"}]

            """);

        Assert.NotNull(output.GetTypeByMetadataName("Things.Thing"));
    }

    [Fact]
    public void A_schema_that_includes_itself_through_allOf_is_IOTDA110_and_the_rest_is_generated()
    {
        var (diagnostics, output) = Run("""
                Thing:
                  allOf:
                    - $ref: "#/components/schemas/Thing"
                    - type: object
                      properties:
                        name: {type: string}
                        left: {$ref: "#/components/schemas/Left"}
                Left:
                  allOf:
                    - $ref: "#/components/schemas/Right"
                    - properties: {leftNote: {type: string}}
                Right:
                  allOf:
                    - $ref: "#/components/schemas/Left"
                    - properties: {rightNote: {type: string}}

            """);

        var reported = diagnostics.Where(d => d.Id == "IOTDA110").OrderBy(Line).ToArray();
        Assert.Equal(new[] { 17, 24, 28 }, reported.Select(Line));
        Assert.All(reported, d => Assert.Equal(Path, d.Location.GetLineSpan().Path));
        Assert.Contains("'Thing'", reported[0].GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, reported[0].Severity);
        Assert.Equal("string?", PropertyType(output, "Thing", "Name"));
        Assert.Equal(new[] { "RightNote", "LeftNote" }, output.GetTypeByMetadataName("Things.Left")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Equal(new[] { "LeftNote", "RightNote" }, output.GetTypeByMetadataName("Things.Right")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public void Schemas_nested_past_the_bound_are_IOTDA111_and_the_rest_is_generated()
    {
        // Two chains of components, each longer than the bound: arrays of arrays, and allOf parts of allOf parts.
        var schemas = new StringBuilder("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    grid: {$ref: "#/components/schemas/Grid0"}
                    layer: {$ref: "#/components/schemas/Layer0"}

            """);
        const int Length = 100;
        for (var i = 0; i < Length; i++)
        {
            schemas.Append($"    Grid{i}: {{type: array, items: {{$ref: \"#/components/schemas/Grid{i + 1}\"}}}}\n");
            schemas.Append($"    Layer{i}: {{allOf: [{{$ref: \"#/components/schemas/Layer{i + 1}\"}}]}}\n");
        }

        schemas.Append($"    Grid{Length}: {{type: string}}\n    Layer{Length}: {{type: object, properties: {{deepest: {{type: string}}}}}}\n");
        var (diagnostics, output) = Run(schemas.ToString());

        var reported = diagnostics.Where(d => d.Id == "IOTDA111").ToArray();
        Assert.NotEmpty(reported);
        Assert.All(reported, d => Assert.InRange(Line(d), 22, 22 + 2 * Length + 2));
        Assert.Contains("64", reported[0].GetMessage());
        Assert.Equal("string?", PropertyType(output, "Thing", "Name"));
    }
}
