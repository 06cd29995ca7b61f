using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// OpenAPI 3.1 documents are rewritten into the 3.0 the reader takes: each 3.1 form with a 3.0 equivalent generates
/// what that equivalent generates, and each without one is IOTDA102 at its line while the rest still generates.
/// </summary>
public class OpenApi31Tests
{
    private const string Path = "/specs/pets.yaml";

    private const string Paths = """
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64, BOUND}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Pet"}
            delete:
              operationId: deletePet
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              RESPONSES

        """;

    /// <summary>Every 3.1 form that has a 3.0 equivalent, each in a property of its own.</summary>
    private static readonly string OpenApi31 = """
        openapi: 3.1.0
        info: {title: Pets, version: "1", summary: A pet store., license: {name: MIT, identifier: MIT}}
        jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base

        """ + Paths.Replace("BOUND", "exclusiveMinimum: 0").Replace("RESPONSES", "summary: Answers with no responses listed.") + """
        components:
          schemas:
            Pet:
              $schema: https://json-schema.org/draft/2020-12/schema
              $comment: Annotations for JSON Schema tools only.
              type: object
              required: [name]
              properties:
                name: {type: string, examples: [Rex, Fido]}
                nickname: {type: [string, "null"]}
                kind: {const: dog}
                owner: {$ref: "#/components/schemas/Owner", description: Who looks after the pet.}
                photo: {type: string, contentEncoding: base64}
                scan: {type: string, contentMediaType: image/png}
                anything: true
                weights: {type: array, items: {type: number, exclusiveMinimum: 0, minimum: -5}}
                vet: {anyOf: [{$ref: "#/components/schemas/Owner"}, {type: "null"}]}
                code: {type: [string, integer, "null"], description: A code., maxLength: 4, format: int64, exclusiveMinimum: 0}
                amount: {type: [integer, number]}
                shape: {type: [array, object], items: {type: string}, properties: {x: {type: integer}}}
            Owner:
              type: object
              properties:
                age: {type: integer, minimum: 18, exclusiveMinimum: 10, exclusiveMaximum: 150}
        """;

    /// <summary>The same document as a 3.0 author would write it.</summary>
    private static readonly string OpenApi30 = """
        openapi: 3.0.3
        info: {title: Pets, version: "1", description: A pet store., license: {name: MIT}}

        """ + Paths.Replace("BOUND", "minimum: 0, exclusiveMinimum: true").Replace("RESPONSES", "summary: Answers with no responses listed.\n      responses: {default: {description: Any answer.}}") + """
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string, example: Rex}
                nickname: {type: string, nullable: true}
                kind: {enum: [dog]}
                owner: {allOf: [{$ref: "#/components/schemas/Owner"}], description: Who looks after the pet.}
                photo: {type: string, format: byte}
                scan: {type: string, format: binary}
                anything: {}
                weights: {type: array, items: {type: number, minimum: 0, exclusiveMinimum: true}}
                vet: {nullable: true, allOf: [{$ref: "#/components/schemas/Owner"}]}
                code: {description: A code., nullable: true, oneOf: [{type: string, maxLength: 4}, {type: integer, minimum: 0, exclusiveMinimum: true, format: int64}]}
                amount: {type: number}
                shape: {oneOf: [{type: array, items: {type: string}}, {type: object, properties: {x: {type: integer}}}]}
            Owner:
              type: object
              properties:
                age: {type: integer, minimum: 18, maximum: 150, exclusiveMaximum: true}
        """;

    private static (GeneratorDriverRunResult Run, Compilation Output) Run(string yaml)
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput(Path, yaml.Replace("\r\n", "\n"), "Pets", "PetsClient"));
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "IOTDA199");
        Assert.DoesNotContain(GeneratorHarness.CompileProblems(output), d => d.Severity == DiagnosticSeverity.Error);
        return (run, output);
    }

    private static string[] Sources(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources.OrderBy(s => s.HintName).Select(s => s.HintName + "\n" + s.SourceText).ToArray();

    [Fact]
    public void A_3_1_document_generates_what_its_3_0_twin_generates()
    {
        var (run31, _) = Run(OpenApi31);
        var (run30, _) = Run(OpenApi30);

        Assert.Empty(run31.Diagnostics);
        Assert.Empty(run30.Diagnostics);
        Assert.NotEmpty(Sources(run30));
        Assert.Equal(Sources(run30), Sources(run31));
    }

    [Fact]
    public void The_twins_differ_where_the_3_1_forms_matter()
    {
        // Guards the test above: had the rewrites been dropped, both would still generate, but differently.
        var (run31, _) = Run(OpenApi31);
        var pet = string.Join("\n", Sources(run31));

        Assert.Contains("string? Nickname", pet);
        Assert.Contains("Owner? Owner", pet);
        Assert.Contains("Owner? Vet { get => _Vet.Value;", pet);
        Assert.Contains("\"dog\"", pet);
        Assert.Contains("PetCode? Code", pet);
        Assert.Contains("double? Amount", pet);
        Assert.Contains("PetShape? Shape", pet);
    }

    [Fact]
    public void Forms_without_a_3_0_equivalent_are_IOTDA102_at_their_line_and_the_rest_generates()
    {
        var yaml = """
            openapi: 3.1.0
            info: {title: Pets, version: "1"}
            webhooks:
              newPet:
                post:
                  responses: {"200": {description: ok}}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Pet"}
            components:
              pathItems:
                shared: {get: {responses: {"200": {description: ok}}}}
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                    tag: {type: [string, integer], enum: [a, 1]}
                    pair: {type: array, prefixItems: [{type: string}, {type: integer}]}
                    code: {type: [string, integer], const: 1}
                    loose: {type: [object, string], allOf: [{$ref: "#/components/schemas/Loose"}]}
                Loose:
                  properties: {p: {type: string}}
            """;

        var (run, output) = Run(yaml);

        var reported = run.Diagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage())).OrderBy(d => d.Line).ToArray();
        Assert.All(reported, d => Assert.Equal("IOTDA102", d.Id));
        Assert.Equal(new[] { 3, 18, 25, 26, 27, 28 }, reported.Select(d => d.Line).ToArray());
        Assert.Contains("webhooks", reported[0].Message);
        Assert.Contains("pathItems", reported[1].Message);
        Assert.Contains("[string, integer]", reported[2].Message);
        Assert.Contains("prefixItems", reported[3].Message);
        Assert.Contains("[string, integer]", reported[4].Message);
        Assert.Contains("[object, string]", reported[5].Message);
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Pet"));
        Assert.Contains(output.GetTypeByMetadataName("Pets.PetsClient")!.GetMembers(), m => m.Name == "ListPetsAsync");
    }

    [Theory]
    [InlineData("a second document holding a cycle", "---\nloop: &a [*a]\n")]
    [InlineData("a second document holding an alias bomb", "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\na3: [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n")]
    [InlineData("nesting past YAML's usual 64 levels", "x-deep:\n  DEEP")]
    public void A_3_1_text_is_loaded_as_strictly_as_the_reader_loads_it(string shape, string tail)
    {
        var deep = string.Concat(System.Linq.Enumerable.Range(1, 100).Select(level => new string(' ', 2 * level) + "l" + level + ":\n")) + new string(' ', 202) + "end: true\n";
        var yaml = "openapi: 3.1.0\ninfo: {title: Pets, version: \"1\"}\n" + Paths.Replace("BOUND", "minimum: 0").Replace("RESPONSES", "responses: {\"204\": {description: ok}}") +
                   "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n" + tail.Replace("  DEEP", deep.TrimStart(' ').Length > 0 ? deep : "");

        var (run, output) = Run(yaml);

        Assert.True(run.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), shape + ": " + string.Join("; ", run.Diagnostics));
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Pet"));
    }

    [Fact]
    public void A_3_0_spec_whose_text_mentions_3_1_first_is_read_as_3_0()
    {
        var yaml = "info:\n  title: Pets\n  version: \"1\"\n  description: |\n    openapi: 3.1.0 appears here only as prose.\nopenapi: 3.0.3\n" +
                   Paths.Replace("BOUND", "minimum: 0").Replace("RESPONSES", "responses: {\"204\": {description: ok}}") +
                   "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n";

        var (run, output) = Run(yaml);

        Assert.Empty(run.Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Pet"));
    }

    [Theory]
    [InlineData("3.2.0")]
    [InlineData("4.0.0")]
    public void Later_versions_are_still_IOTDA101(string version)
    {
        var (run, _) = Run("openapi: " + version + "\ninfo: {title: Pets, version: \"1\"}\npaths: {}\n");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("IOTDA101", diagnostic.Id);
        Assert.Contains(version, diagnostic.GetMessage());
    }
}
