using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Every character C# ends a line at (a lone CR, NEL, LS, PS, as real specs carry in their prose) stays inside the
/// doc comment it is written into: otherwise the rest of the line compiles as code and the client does not build.
/// </summary>
public class LineBreakTests
{
    [Theory]
    [InlineData("\\r")]
    [InlineData("\\u0085")]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\r\\n")]
    public void A_line_break_in_any_description_or_enum_value_leaves_code_that_compiles(string lineBreak)
    {
        var text = $$$"""
            openapi: 3.0.3
            info: {title: Breaks, version: "1", description: "The API.{{{lineBreak}}}class Broken {"}
            paths:
              /things/{id}:
                get:
                  operationId: GetThing
                  summary: "Reads a thing.{{{lineBreak}}}} class Summary {"
                  description: "Line one{{{lineBreak}}}public int Described;"
                  parameters:
                    - {name: id, in: path, required: true, description: "The id.{{{lineBreak}}}int x = ;", schema: {type: string}}
                    - {name: kind, in: query, schema: {type: string, enum: ["a{{{lineBreak}}}b", plain]}}
                  responses:
                    "200":
                      description: "The thing.{{{lineBreak}}})"
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
            components:
              schemas:
                Thing:
                  type: object
                  description: "A thing.{{{lineBreak}}}namespace Oops {"
                  properties:
                    name: {type: string, description: "Its name.{{{lineBreak}}}void M() {}"}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/breaks.yaml", text, "Breaks", "BreaksClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var thing = output.GetTypeByMetadataName("Breaks.Thing")!;
        Assert.Contains("Its name.", thing.GetMembers("Name").Single().GetDocumentationCommentXml());
        Assert.Contains("void M() {}", thing.GetMembers("Name").Single().GetDocumentationCommentXml());
    }
}
