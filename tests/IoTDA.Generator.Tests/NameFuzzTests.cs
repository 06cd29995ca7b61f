using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Specs built from hostile names (keywords, digits, punctuation, non-ASCII, names of generated members and of the
/// types generated code uses) for schemas, properties, enum values, operations and parameters (fixed seed): the
/// generated code always compiles without a warning.
/// </summary>
public class NameFuzzTests
{
    private const int Seed = 424242;
    private const int Runs = 60;

    private static readonly string[] Names =
    {
        "class", "namespace", "event", "object", "string", "value", "Value", "VALUE", "1abc", "123", "a-b", "a_b", "a b", "",
        "_", "__", "-", "Ünïcode", "日本", "get", "set", "var", "ToString", "Equals", "GetType", "Converter", "reader", "writer",
        "result", "path", "index", "request", "body", "cancellationToken", "progress", "Options", "System", "global", "IoTDA",
        "Runtime", "JsonElement", "Task", "Item", "items", "Count", "marker", "limit", "x-y-z", "HTTPStatus", "policy_id",
    };

    [Fact]
    public void Specs_made_of_hostile_names_generate_code_that_compiles_without_warnings()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var spec = BuildSpec(random);
            var (result, output) = GeneratorHarness.Run(new SpecInput("/names/spec" + run + ".yaml", spec, "Names" + run, "NamesClient"));
            var problems = GeneratorHarness.CompileProblems(output);
            if (problems.Count > 0 || result.Diagnostics.Any(d => d.Id is "IOTDA199" or "IOTDA100" or "CS8785"))
            {
                failures.Add($"run {run}: {string.Join("; ", problems.Take(3))} {string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}\n{spec}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }

    private static string Name(Random random) => Names[random.Next(Names.Length)];

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string BuildSpec(Random random)
    {
        var schemas = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Name(random)).Append("Plain").ToList();
        var spec = new StringBuilder("openapi: 3.0.3\ninfo: {title: Names, version: \"1\"}\npaths:\n");
        for (var op = 0; op < 1 + random.Next(4); op++)
        {
            spec.Append("  ").Append(Quote("/p" + op + "/{" + Name(random) + "}")).Append(":\n");
            spec.Append("    post:\n      operationId: ").Append(Quote(Name(random))).Append('\n');
            spec.Append("      parameters:\n");
            spec.Append("        - {name: ").Append(Quote(Name(random))).Append(", in: query, schema: {type: string, enum: [")
                .Append(string.Join(", ", Enumerable.Range(0, 3).Select(_ => Quote(Name(random))))).Append("]}}\n");
            spec.Append("        - {name: ").Append(Quote(Name(random))).Append(", in: header, required: true, schema: {type: integer}}\n");
            spec.Append("      requestBody:\n        content:\n          application/json:\n            schema: {$ref: ")
                .Append(Quote("#/components/schemas/" + schemas[random.Next(schemas.Count)])).Append("}\n");
            spec.Append("      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema:\n");
            spec.Append("                type: array\n                items: {$ref: ").Append(Quote("#/components/schemas/" + schemas[random.Next(schemas.Count)])).Append("}\n");
        }

        spec.Append("components:\n  schemas:\n");
        foreach (var schema in schemas.Distinct(StringComparer.Ordinal))
        {
            spec.Append("    ").Append(Quote(schema)).Append(":\n      type: object\n      required: [").Append(Quote(Name(random))).Append("]\n      properties:\n");
            foreach (var property in Enumerable.Range(0, 2 + random.Next(5)).Select(_ => Name(random)).Distinct(StringComparer.Ordinal))
            {
                spec.Append("        ").Append(Quote(property)).Append(": ");
                spec.Append(random.Next(5) switch
                {
                    0 => "{type: string, enum: [" + string.Join(", ", Enumerable.Range(0, 3).Select(_ => Quote(Name(random)))) + "]}",
                    1 => "{$ref: " + Quote("#/components/schemas/" + schemas[random.Next(schemas.Count)]) + "}",
                    2 => "{type: array, maxItems: 3, items: {type: object, properties: {" + Quote(Name(random)) + ": {type: number}}}}",
                    3 => "{type: object, additionalProperties: {type: string, pattern: \"^a\"}}",
                    _ => "{type: integer, minimum: 0}",
                }).Append('\n');
            }
        }

        return spec.ToString();
    }
}
