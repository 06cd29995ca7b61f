using System.Linq;
using System.Text;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The reader's limits: a spec it stops reading is an error that generates nothing, never a warning and a client
/// without operations; the anchors and long texts of real specs stay within them.
/// </summary>
public class ReaderLimitTests
{
    private const string Path = "/specs/limits.yaml";

    private static GeneratorDriverRunResult Run(string yaml, out Compilation output)
    {
        var (run, compilation) = GeneratorHarness.Run(new SpecInput(Path, yaml, "Limits", "LimitsClient"));
        output = compilation;
        Assert.Null(run.Results.Single().Exception);
        return run;
    }

    /// <summary>150 operations sharing one <c>responses</c> block through an anchor, as hand-written specs do.</summary>
    internal static string SharedResponsesSpec(int operations = 150)
    {
        var text = new StringBuilder("openapi: 3.0.3\ninfo: {title: Anchors, version: \"1\"}\npaths:\n");
        for (var i = 0; i < operations; i++)
        {
            text.Append($"  /things/t{i}:\n    get:\n      operationId: getThing{i}\n");
            if (i > 0)
            {
                text.Append("      responses: *std\n");
                continue;
            }

            text.Append("      responses: &std\n");
            foreach (var code in new[] { "200", "400", "401", "403", "404", "500" })
            {
                text.Append($"        \"{code}\":\n          description: status {code}\n          content:\n            application/json:\n              schema: {{$ref: \"#/components/schemas/Thing\"}}\n");
            }
        }

        return text.Append("components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        name: {type: string}\n").ToString();
    }

    /// <summary>An extension holding block mappings <paramref name="depth"/> levels deep.</summary>
    private static string Nested(int depth) =>
        "x-deep:\n" + string.Concat(Enumerable.Range(1, depth).Select(level => new string(' ', 2 * level) + "level" + level + ":\n")) +
        new string(' ', 2 * depth + 2) + "end: true\n";

    private static string LaughingSpec()
    {
        var text = new StringBuilder("openapi: 3.0.3\ninfo: {title: Laughs, version: \"1\"}\npaths: {}\nx-laughs:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"  a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        }

        return text.ToString();
    }

    private static readonly (string Shape, string Yaml, string Reason)[] UnreadableShapes =
    {
        ("an empty file", "", "No documents"),
        ("a duplicate key", "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\npaths: {}\npaths: {}\n", "duplicate key 'paths'"),
        ("nesting past the bound", "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\npaths: {}\n" + Nested(300), "nesting depth"),
        ("a scalar past the bound", "openapi: 3.0.3\ninfo: {title: T, version: \"1\", description: \"" + new string('x', 2_000_000) + "\"}\npaths: {}\n", "scalar"),
        ("an alias bomb", LaughingSpec(), "aliases"),
    };

    /// <summary>Each shape as 3.0 and as 3.1, which is loaded again to be rewritten only once the reader has bounded it.</summary>
    public static TheoryData<string, string, string> Unreadable
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (shape, yaml, reason) in UnreadableShapes)
            {
                data.Add(shape, yaml, reason);
                if (yaml.Contains("openapi: 3.0.3"))
                {
                    data.Add(shape + " (OpenAPI 3.1)", yaml.Replace("openapi: 3.0.3", "openapi: 3.1.0"), reason);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_spec_the_reader_stops_reading_is_the_error_IOTDA112_and_generates_nothing(string shape, string yaml, string reason)
    {
        var run = Run(yaml, out _);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.True(diagnostic.Id == "IOTDA112", shape + ": " + diagnostic);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void Operations_that_share_one_responses_anchor_are_all_generated()
    {
        var run = Run(SharedResponsesSpec(), out var output);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var client = output.GetTypeByMetadataName("Limits.LimitsClient")!;
        Assert.Equal(150, client.GetMembers().OfType<IMethodSymbol>().Count(m =>
            m.Name.StartsWith("GetThing", System.StringComparison.Ordinal) && m.Name.EndsWith("Async", System.StringComparison.Ordinal) &&
            !m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)));
        Assert.Equal("Limits.Thing", ((INamedTypeSymbol)((IMethodSymbol)client.GetMembers("GetThing149Async").Single()).ReturnType).TypeArguments[0].ToDisplayString());
    }

    [Fact]
    public void Long_texts_and_deep_examples_of_real_specs_are_read()
    {
        var description = string.Concat(Enumerable.Repeat("A paragraph of the API's guide. ", 4_000));
        var yaml = SharedResponsesSpec(operations: 1).Replace("info: {title: Anchors, version: \"1\"}", "info: {title: Anchors, version: \"1\", description: \"" + description + "\"}") +
                   Nested(100);

        var run = Run(yaml, out var output);

        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(output.GetTypeByMetadataName("Limits.LimitsClient")!.GetMembers("GetThing0Async"));
    }
}
