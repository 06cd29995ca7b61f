using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Analyzers.Rules;
using IoTDA.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>
/// IOTDA006 matches each value of a pattern once per compilation, and a pattern whose match timed out once is not
/// run again: counted in regular-expression runs, never in time.
/// </summary>
public sealed class PatternCacheTests
{
    private const string Members = """
        public sealed class Custom
        {
            [PatternConstraint("slow", "^(a+)+$")]
            public string Slow { get; set; } = "";

            [PatternConstraint("digits", "^\\d+$")]
            public string Digits { get; set; } = "";
        }
        """;

    [Fact]
    public async Task A_pattern_that_timed_out_is_not_run_again_and_flags_nothing()
    {
        // Each value backtracks through 2^40 ways to split the a's before the '!' fails the match.
        var assignments = Enumerable.Range(0, 20).Select(i => $"custom.Slow = \"{new string('a', 40)}{i}!\";");
        var (diagnostics, evaluations) = await Analyze("var custom = new Custom();\n" + string.Join("\n", assignments));

        Assert.Empty(diagnostics);
        Assert.Equal(1, evaluations);
    }

    [Fact]
    public async Task Each_value_of_a_pattern_is_run_once_and_every_call_site_is_still_flagged()
    {
        var values = new[] { "\"12\"", "\"x1\"", "\"y2\"" };
        var assignments = Enumerable.Range(0, 30).Select(i => $"custom.Digits = {values[i % values.Length]};");
        var (diagnostics, evaluations) = await Analyze("var custom = new Custom();\n" + string.Join("\n", assignments));

        Assert.Equal(20, diagnostics.Count(diagnostic => diagnostic.Id == "IOTDA006"));
        Assert.Equal(values.Length, evaluations);
    }

    [Fact]
    public void Results_beyond_the_bound_are_matched_again_instead_of_kept()
    {
        var patterns = new CompiledPatterns(capacity: 2);
        foreach (var text in new[] { "1", "2", "x", "1", "2", "x" })
        {
            Assert.Equal(text != "x", patterns.Matches("^\\d+$", text));
        }

        Assert.Equal(4, patterns.Evaluations);
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, int Evaluations)> Analyze(string statements)
    {
        var tree = CSharpSyntaxTree.ParseText(InMethod(statements, Members), GeneratedClient.ParseOptions, path: "/consumer/Consumer.cs");
        var compilation = GeneratedClient.Compile(tree);
        var created = new ConcurrentQueue<CompiledPatterns>();

        // One call site after another, so the count does not depend on how many ran at once before a result was kept.
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var analyzer = new ConstraintAnalyzer(created.Enqueue);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, Assert.Single(created).Evaluations);
    }
}
