using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Hundreds of mutated specs (fixed seed, so a failure reproduces): every run ends in generated code that compiles,
/// or in IOTDA1xx diagnostics with nothing generated, and never in a generator exception.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261128;
    private const int Runs = 300;

    private static readonly string[] Retypes =
    {
        "type: integer", "type: array", "type: object", "type: boolean", "type: number", "type: string", "type: [", "type: ~",
        "{}", "[]", "42", "\"\"", "null", "\"type\": \"object\"", "{\"$ref\": \"#/definitions/Missing\"}", "$ref: \"#/components/schemas/Missing\"", "$ref: \"other.yaml#/x\"", "enum: [\"1\", \"a-b\", \"\"]",
        "allOf: [{$ref: \"#/components/schemas/Thing\"}]", "{allOf: [{$ref: \"#/components/schemas/Node\"}]}",
    };

    /// <summary>Schemas that reach themselves every way the parser follows: annotated references, inline merges, allOf loops.</summary>
    private static readonly string RecursiveSpec = ThingSpec.Header("Recursive") + """
            Thing:
              type: object
              properties:
                name: {type: string}
                parent:
                  description: The thing this one belongs to.
                  allOf: [{$ref: "#/components/schemas/Thing"}]
                other:
                  description: The other side.
                  allOf: [{$ref: "#/components/schemas/Other"}]
                node:
                  allOf: [{$ref: "#/components/schemas/Thing"}]
                  properties:
                    note: {type: string}
            Other:
              type: object
              properties:
                thing:
                  description: Back to the thing.
                  allOf: [{$ref: "#/components/schemas/Thing"}]
            Node:
              allOf:
                - $ref: "#/components/schemas/Node"
                - properties: {children: {type: array, items: {$ref: "#/components/schemas/Node"}}}
            Left:
              allOf:
                - $ref: "#/components/schemas/Right"
                - properties: {leftNote: {type: string}}
            Right:
              allOf:
                - $ref: "#/components/schemas/Left"
                - properties: {rightNote: {type: string}}
        """;

    [Fact]
    public void Mutated_specs_end_in_compiling_code_or_IOTDA_diagnostics_never_in_a_generator_exception()
    {
        var random = new Random(Seed);
        var bases = new[]
        {
            ("spec.yaml", GeneratorHarness.BundledSpecText),
            ("edge.yaml", GeneratorHarness.ReadResource("specs/edge-cases.openapi.yaml")),
            ("petstore.json", GeneratorHarness.ReadResource("specs/petstore.swagger.json")),
            ("recursive.yaml", RecursiveSpec),
            ("anchors.yaml", ReaderLimitTests.SharedResponsesSpec()),
        }.Select(b => (Name: b.Item1, Lines: b.Item2.Replace("\r\n", "\n").Split('\n'))).ToArray();
        var failures = new List<string>();
        var generatedRuns = 0;
        var diagnosedRuns = 0;
        for (var run = 0; run < Runs; run++)
        {
            var spec = bases[run % bases.Length];
            var (description, text) = Mutate(random, spec.Lines);
            description = spec.Name + ": " + description;
            var driver = GeneratorHarness.CreateDriver(new[] { new SpecInput("/fuzz/" + spec.Name, text, "Fuzz", "FuzzClient") })
                .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation("namespace Consumer { }"), out var output, out var driverDiagnostics);
            var result = driver.GetRunResult();

            var crashes = driverDiagnostics.Concat(result.Diagnostics).Where(d => !d.Id.StartsWith("IOTDA1", StringComparison.Ordinal) || d.Id == "IOTDA199").ToList();
            if (crashes.Count > 0 || result.Results.Single().Exception is not null)
            {
                failures.Add($"run {run} ({description}): {string.Join("; ", crashes)} {result.Results.Single().Exception}");
                continue;
            }

            var errors = result.GeneratedTrees.Length == 0
                ? Array.Empty<Diagnostic>()
                : output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                failures.Add($"run {run} ({description}): {errors.Length} compile errors, first {errors[0]}");
            }

            generatedRuns += result.GeneratedTrees.Length > 0 ? 1 : 0;
            diagnosedRuns += result.Diagnostics.Length > 0 ? 1 : 0;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // The mutations must exercise both outcomes, or the test proves nothing.
        Assert.InRange(generatedRuns, Runs / 10, Runs);
        Assert.InRange(diagnosedRuns, Runs / 10, Runs);
    }

    private static (string Description, string Text) Mutate(Random random, string[] lines)
    {
        var list = lines.ToList();
        var mutations = 1 + random.Next(3);
        var applied = new List<string>();
        for (var i = 0; i < mutations && list.Count > 1; i++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(7))
            {
                case 0:
                    var keep = random.Next(list.Count);
                    applied.Add("truncate at line " + keep);
                    list = list.Take(keep).Append(list[keep].Substring(0, random.Next(list[keep].Length + 1))).ToList();
                    break;
                case 1:
                    var length = Math.Min(2 + random.Next(8), list.Count - at);
                    var shuffled = list.Skip(at).Take(length).OrderBy(_ => random.Next()).ToList();
                    applied.Add($"shuffle lines {at}..{at + length}");
                    list.RemoveRange(at, length);
                    list.InsertRange(at, shuffled);
                    break;
                case 2:
                    applied.Add("delete line " + at);
                    list.RemoveAt(at);
                    break;
                case 3:
                    var colon = list[at].IndexOf(": ", StringComparison.Ordinal);
                    var replacement = Retypes[random.Next(Retypes.Length)];
                    if (colon > 0 && !replacement.Contains(':'))
                    {
                        applied.Add($"retype value of line {at} to {replacement}");
                        list[at] = list[at].Substring(0, colon + 2) + replacement;
                    }
                    else
                    {
                        var indent = list[at].Length - list[at].TrimStart().Length;
                        applied.Add($"replace line {at} with {replacement}");
                        list[at] = new string(' ', indent) + replacement;
                    }

                    break;
                case 4:
                    applied.Add("duplicate line " + at);
                    list.Insert(at, list[at]);
                    break;
                case 5:
                    applied.Add("re-indent line " + at);
                    list[at] = (random.Next(2) == 0 ? "  " : "") + list[at].TrimStart(' ').PadLeft(list[at].TrimStart(' ').Length + random.Next(3));
                    break;
                default:
                    var key = list[at].IndexOf(':');
                    if (key > 0)
                    {
                        applied.Add("rename key on line " + at);
                        var indentation = list[at].Length - list[at].TrimStart().Length;
                        list[at] = list[at].Substring(0, indentation) + "x-" + list[at].Substring(indentation);
                    }

                    break;
            }
        }

        return (string.Join(", ", applied), string.Join("\n", list));
    }
}
