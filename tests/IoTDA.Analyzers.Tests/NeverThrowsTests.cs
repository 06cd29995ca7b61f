using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace IoTDA.Analyzers.Tests;

/// <summary>
/// Code as it looks mid-typing: the analyzers run over prefixes of the sample files (evenly spread, a few hundred in
/// all, each cut mid-token as often as not) and must never throw, which the compiler would report as AD0001.
/// </summary>
public sealed class NeverThrowsTests
{
    private const int PrefixesPerSample = 120;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestProject.ResourceNames("samples/"))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public async Task There_are_samples_and_whole_ones_raise_every_rule()
    {
        var ids = new HashSet<string>();
        foreach (var name in TestProject.ResourceNames("samples/"))
        {
            var text = TestProject.ReadResource(name);
            var (diagnostics, exceptions) = await Analyze(text, name.EndsWith("TopLevel.cs", StringComparison.Ordinal));
            Assert.Empty(exceptions);
            foreach (var diagnostic in diagnostics)
            {
                ids.Add(diagnostic.Id);
            }
        }

        Assert.Equal(new[] { "IOTDA001", "IOTDA002", "IOTDA003", "IOTDA004", "IOTDA005", "IOTDA006" }, ids.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_prefix_is_analyzed_without_an_exception(string sample)
    {
        var text = TestProject.ReadResource(sample);
        var topLevel = sample.EndsWith("TopLevel.cs", StringComparison.Ordinal);
        var step = Math.Max(1, text.Length / PrefixesPerSample);
        var analyzed = 0;
        for (var length = 0; length <= text.Length; length += step)
        {
            var (diagnostics, exceptions) = await Analyze(text.Substring(0, length), topLevel);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
            analyzed++;
        }

        Assert.True(analyzed >= PrefixesPerSample, $"only {analyzed} prefixes of {sample} were analyzed");
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<Exception> Exceptions)> Analyze(string text, bool topLevel)
    {
        var tree = CSharpSyntaxTree.ParseText(text, GeneratedClient.ParseOptions, path: "/consumer/Sample.cs");
        var compilation = GeneratedClient.Compile(tree)
            .WithOptions(new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var caught = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => caught.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, default);
        return (diagnostics, caught);
    }
}
