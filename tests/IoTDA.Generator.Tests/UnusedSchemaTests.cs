using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Only the component schemas some operation reaches are generated, however they are reached; the rest are one
/// IOTDA119 at info level, and an item's <c>AllSchemas="true"</c> generates them too.
/// </summary>
public class UnusedSchemaTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Reach, version: "1"}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - {name: id, in: path, required: true, schema: {$ref: "#/components/schemas/ThingId"}}
                - {name: filter, in: query, content: {application/json: {schema: {$ref: "#/components/schemas/Filter"}}}}
              responses:
                "200":
                  description: ok
                  headers:
                    X-Kind: {schema: {$ref: "#/components/schemas/Kind"}}
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Thing"}
        components:
          schemas:
            ThingId: {type: string, enum: [a, b]}
            Filter: {type: object, properties: {text: {type: string}}}
            Kind: {type: string, enum: [big, small]}
            Thing:
              allOf:
                - $ref: "#/components/schemas/Base"
                - type: object
                  properties:
                    shape: {oneOf: [{$ref: "#/components/schemas/Circle"}, {$ref: "#/components/schemas/Square"}]}
                    labels: {type: object, additionalProperties: {$ref: "#/components/schemas/Label"}}
                    parts: {type: array, items: {type: array, items: {$ref: "#/components/schemas/Part"}}}
            Base: {type: object, properties: {id: {type: string}}}
            Circle: {type: object, properties: {radius: {type: number}}}
            Square: {type: object, properties: {side: {type: number}}}
            Label: {type: object, properties: {text: {type: string}}}
            Part: {type: object, properties: {owner: {$ref: "#/components/schemas/Owner"}}}
            Owner: {type: object, properties: {name: {type: string}}}
            Webhook1: {type: object, properties: {x: {type: string}}}
            Webhook2: {type: object, properties: {x: {$ref: "#/components/schemas/Webhook3"}}}
            Webhook3: {type: string, enum: [on, off]}
            Webhook4: {type: object}
            Webhook5: {type: object}
            Webhook6: {type: object}
        """;

    private static readonly string[] Reached = { "ThingId", "Filter", "Kind", "Thing", "Base", "Circle", "Square", "Label", "Part", "Owner" };

    private static string[] TypeNames(Compilation output) =>
        output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Reach" && t.ContainingType is null)
            .Select(t => t.Name)
            .ToArray();

    [Fact]
    public void Schemas_reached_through_parameters_headers_parts_maps_and_nested_items_are_generated_and_the_rest_are_one_IOTDA119()
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/reach.yaml", Spec, "Reach", "ReachClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.All(Reached, name => Assert.Contains(name, TypeNames(output)));
        Assert.DoesNotContain(TypeNames(output), name => name.StartsWith("Webhook", System.StringComparison.Ordinal));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "IOTDA119");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(37, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(
            "No operation of the spec 'reach.yaml' uses 6 of its component schemas (Webhook1, Webhook2, Webhook3, Webhook4, Webhook5 and 1 more); "
                + "nothing is generated for them, and AllSchemas=\"true\" on its OpenApiSpec item generates them",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AllSchemas_generates_every_schema_without_IOTDA119()
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/reach.yaml", Spec, "Reach", "ReachClient") { AllSchemas = true });

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "IOTDA119");
        Assert.All(Reached.Concat(new[] { "Webhook1", "Webhook2", "Webhook3", "Webhook4", "Webhook5", "Webhook6" }), name => Assert.Contains(name, TypeNames(output)));
    }

    [Fact]
    public void Schemas_reached_through_an_alias_or_a_mapping_to_an_alias_generate_what_AllSchemas_generates()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Alias, version: "1"}
            paths:
              /n:
                get:
                  operationId: getNode
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              node: {$ref: "#/components/schemas/NodeAlias"}
                              pet: {$ref: "#/components/schemas/Pet"}
            components:
              schemas:
                NodeAlias: {$ref: "#/components/schemas/Node"}
                Node: {type: object, properties: {status: {$ref: "#/components/schemas/Status"}, level: {$ref: "#/components/schemas/Level"}}}
                Status: {type: string, enum: [on, off]}
                Level: {type: integer, enum: [1, 2]}
                Pet:
                  oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
                  discriminator: {propertyName: kind, mapping: {cat: "#/components/schemas/CatRef"}}
                CatRef: {$ref: "#/components/schemas/Cat"}
                Cat: {type: object, required: [kind], properties: {kind: {type: string}, lives: {type: integer}}}
                Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: string}}}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/alias.yaml", spec, "Alias", "AliasClient"));
        var (_, all) = GeneratorHarness.Run(new SpecInput("/specs/alias.yaml", spec, "Alias", "AliasClient") { AllSchemas = true });

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(all.SyntaxTrees.Select(tree => tree.ToString()), output.SyntaxTrees.Select(tree => tree.ToString()));
        var node = output.GetTypeByMetadataName("Alias.Node")!;
        Assert.Equal("Alias.Status?", ((IPropertySymbol)node.GetMembers("Status").Single()).Type.ToDisplayString());
        Assert.Contains("case \"cat\":", output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("Json.g.cs", System.StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void A_spec_without_operations_is_a_file_of_models_and_keeps_them_all()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Models, version: "1"}
            paths: {}
            components:
              schemas:
                Order: {type: object, properties: {id: {type: string}, state: {$ref: "#/components/schemas/State"}}}
                State: {type: string, enum: [open, closed]}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/models.yaml", spec, "Models", "ModelsClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "IOTDA119");
        Assert.NotNull(output.GetTypeByMetadataName("Models.Order"));
        Assert.NotNull(output.GetTypeByMetadataName("Models.State"));
    }
}
