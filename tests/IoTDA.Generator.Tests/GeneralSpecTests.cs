using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The generator is general: Swagger 2.0 and OpenAPI 3.0, YAML and JSON, several specs in one project,
/// path-level and $ref parameters, $ref and default responses, recursive schemas, allOf, nested arrays, keywords.
/// </summary>
public class GeneralSpecTests
{
    [Fact]
    public void Edge_case_specs_together_with_the_bundled_spec_compile_without_errors_or_warnings()
    {
        var (run, output) = GeneratorHarness.Run(
            GeneratorHarness.BundledSpec,
            GeneratorHarness.EdgeCasesSpec,
            GeneratorHarness.PetstoreSpec);

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(4 + 4 + 3, run.GeneratedTrees.Length);

        var edge = output.GetTypeByMetadataName("Edge.EdgeCasesClient")!;
        var getNode = (IMethodSymbol)edge.GetMembers("GetNodeAsync").Single();
        Assert.Equal(new[] { "nodeId", "depth", "kinds", "ids", "class", "xTrace", "session", "cancellationToken" }, getNode.Parameters.Select(p => p.Name));
        Assert.Equal("Edge.Node", ((INamedTypeSymbol)getNode.ReturnType).TypeArguments[0].ToDisplayString());
        Assert.NotEmpty(edge.GetMembers("GetStatusAsync"));
        Assert.NotNull(output.GetTypeByMetadataName("Edge.NodeMeta"));
        Assert.NotNull(output.GetTypeByMetadataName("Edge.NodeMetaTagsItem"));
        Assert.Equal(
            new[] { "PetOwnerValue", "Event", "ToString2", "Equals2" },
            output.GetTypeByMetadataName("Edge.PetOwner")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        // Two inline enums named status with different values: each takes its schema's name as a prefix.
        Assert.NotNull(output.GetTypeByMetadataName("Edge.NodeStatus"));
        Assert.NotNull(output.GetTypeByMetadataName("Edge.ThingStatus"));
        Assert.Null(output.GetTypeByMetadataName("Edge.Status"));
        // The bundled spec's four identical inline target_type enums are one type.
        Assert.NotNull(output.GetTypeByMetadataName("IoTDA.TargetType"));
        Assert.Empty(output.GetSymbolsWithName(n => n.EndsWith("TargetType", System.StringComparison.Ordinal) && n != "TargetType", SymbolFilter.Type));
        Assert.Equal(
            new[] { "Id", "Id2", "Kind", "Children", "Parent", "Class", "NodeValue", "Status", "Meta", "Score", "Flags", "Level", "ByName", "Counts" },
            output.GetTypeByMetadataName("Edge.Node")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Contains(run.Diagnostics, d => d.Id == "IOTDA106" && d.GetMessage().Contains("'Id2'"));
        var node = output.GetTypeByMetadataName("Edge.Node")!;
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, Edge.Node>", ((IPropertySymbol)node.GetMembers("ByName").Single()).Type.ToDisplayString());
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IReadOnlyList<int>>", ((IPropertySymbol)node.GetMembers("Counts").Single()).Type.ToDisplayString());
        Assert.Null(output.GetTypeByMetadataName("Edge.Counts"));

        var pets = output.GetTypeByMetadataName("Petstore.PetstoreClient")!;
        var addPet = (IMethodSymbol)pets.GetMembers("AddPetAsync").Single();
        Assert.Equal("Petstore.NewPet", addPet.Parameters[0].Type.ToDisplayString());
        // Swagger 2.0's formData parameter of type file: the reader makes it a multipart body, sent as a FilePart.
        var uploadPhoto = (IMethodSymbol)pets.GetMembers("UploadPhotoAsync").Single();
        Assert.Equal(new[] { "long", "IoTDA.Runtime.FilePart?", "System.Threading.CancellationToken" }, uploadPhoto.Parameters.Select(p => p.Type.ToDisplayString()));
        Assert.Equal(new[] { "Name", "Tag", "Id" }, output.GetTypeByMetadataName("Petstore.Pet")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Equal(
            new[] { "IOTDA104 GetStatusAsync", "IOTDA106 Equals2", "IOTDA106 Id2", "IOTDA106 Leaf2", "IOTDA106 ToString2", "IOTDA108 @class", "IOTDA119 (Unused)" },
            run.Diagnostics.Select(d => d.Id + " " + new[] { "session", "GetStatusAsync", "Id2", "Leaf2", "@class", "ToString2", "Equals2", "(Unused)" }.First(d.GetMessage().Contains))
                .OrderBy(x => x, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_member_an_allOf_part_declares_again_takes_the_later_shape_and_an_allOf_of_one_primitive_is_that_primitive()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.EdgeCasesSpec);

        var thing = output.GetTypeByMetadataName("Edge.Thing")!;
        string TypeOf(string name) => ((IPropertySymbol)thing.GetMembers(name).Single()).Type.ToDisplayString();
        Assert.Equal("string?", TypeOf("Id"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<string>", TypeOf("Tags"));
        Assert.Equal("System.DateTimeOffset?", TypeOf("At"));
        Assert.Equal("string?", TypeOf("Slug"));
        var length = thing.GetMembers("Slug").Single().GetAttributes().Single(a => a.AttributeClass!.Name == "LengthConstraintAttribute");
        Assert.Equal(new object?[] { "slug", 1, 20 }, length.ConstructorArguments.Select(argument => argument.Value));
        Assert.Equal(new[] { "Id", "Tags", "At", "Name", "Status", "Slug" }, thing.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public void An_allOf_of_one_primitive_keeps_the_outer_format_and_enums_that_share_no_value_keep_the_first_list()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: I, version: "1"}
            paths:
              /i:
                post:
                  operationId: putI
                  requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/I"}}}}
                  responses: {"204": {description: ok}}
            components:
              schemas:
                I:
                  type: object
                  properties:
                    id: {type: string, format: uuid, allOf: [{type: string}, {type: string, maxLength: 36}]}
                    kind: {allOf: [{type: string, enum: [a, b]}, {type: string, enum: [c]}]}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/i.yaml", spec, "I", "IClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var type = output.GetTypeByMetadataName("I.I")!;
        Assert.Equal("System.Guid?", ((IPropertySymbol)type.GetMembers("Id").Single()).Type.ToDisplayString());
        var allowed = type.GetMembers("Kind").Single().GetAttributes().Single(a => a.AttributeClass!.Name == "AllowedValuesConstraintAttribute");
        Assert.Equal(new object?[] { "a", "b" }, allowed.ConstructorArguments[1].Values.Select(v => v.Value));
    }

    [Fact]
    public void Schemas_that_contain_themselves_through_allOf_or_items_generate_compiling_code()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Loops, version: "1"}
            paths:
              /loops:
                get:
                  operationId: getLoops
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Outer"}
            components:
              schemas:
                Loop:
                  allOf:
                    - $ref: "#/components/schemas/Loop"
                Nested:
                  type: array
                  items: {$ref: "#/components/schemas/Nested"}
                Outer:
                  type: object
                  properties:
                    loop: {$ref: "#/components/schemas/Loop"}
                    nested: {$ref: "#/components/schemas/Nested"}
                    self: {$ref: "#/components/schemas/Outer"}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/loops.yaml", spec, "Loops"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var outer = output.GetTypeByMetadataName("Loops.Outer")!;
        Assert.Equal("Loops.Outer?", ((IPropertySymbol)outer.GetMembers("Self").Single()).Type.ToDisplayString());
    }

    [Fact]
    public void An_array_alias_of_objects_written_in_place_is_one_item_class_for_every_member_that_refers_to_it()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Matches, version: "1"}
            paths:
              /search:
                get:
                  operationId: search
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              issues: {$ref: "#/components/schemas/TextMatches"}
                              commits: {$ref: "#/components/schemas/TextMatches"}
                              more: {type: array, items: {$ref: "#/components/schemas/TextMatches"}}
            components:
              schemas:
                TextMatches:
                  type: array
                  items:
                    type: object
                    properties:
                      fragment: {type: string}
                      kind: {type: string, enum: [code, text]}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/matches.yaml", spec, "Matches"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Empty(run.Diagnostics);
        var item = output.GetTypeByMetadataName("Matches.TextMatchesItem")!;
        Assert.Null(output.GetTypeByMetadataName("Matches.TextMatchesItem2"));
        var response = output.GetTypeByMetadataName("Matches.SearchResponse")!;
        string TypeOf(string name) => ((IPropertySymbol)response.GetMembers(name).Single()).Type.ToDisplayString();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<Matches.TextMatchesItem>", TypeOf("Issues"));
        Assert.Equal(TypeOf("Issues"), TypeOf("Commits"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<Matches.TextMatchesItem>>", TypeOf("More"));
        Assert.NotNull(item.GetMembers("Fragment").SingleOrDefault());
    }

    [Fact]
    public void Array_aliases_that_refer_to_each_other_have_one_type_wherever_they_are_met()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Cycle, version: "1"}
            paths:
              /both:
                get:
                  operationId: getBoth
                  responses:
                    "200":
                      description: ok
                      content: {application/json: {schema: {type: object, properties: {a: {$ref: "#/components/schemas/A"}, b: {$ref: "#/components/schemas/B"}}}}}
              /b:
                get:
                  operationId: getB
                  responses:
                    "200":
                      description: ok
                      content: {application/json: {schema: {type: object, properties: {b: {$ref: "#/components/schemas/B"}}}}}
            components:
              schemas:
                A: {type: array, items: {$ref: "#/components/schemas/B"}}
                B: {type: array, items: {$ref: "#/components/schemas/A"}}
            """;

        var (_, output) = GeneratorHarness.Run(new SpecInput("/specs/cycle.yaml", spec, "Cycle"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        string TypeOf(string type, string name) => ((IPropertySymbol)output.GetTypeByMetadataName("Cycle." + type)!.GetMembers(name).Single()).Type.ToDisplayString();
        // Each alias is expanded until it meets itself, and the first full expansion is the alias's type from then on.
        const string List = "System.Collections.Generic.IReadOnlyList<";
        Assert.Equal(List + List + "System.Text.Json.JsonElement>>", TypeOf("GetBothResponse", "A"));
        Assert.Equal(List + TypeOf("GetBothResponse", "A") + ">", TypeOf("GetBothResponse", "B"));
        Assert.Equal(TypeOf("GetBothResponse", "B"), TypeOf("GetBResponse", "B"));
    }
}
