using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// The analyzers' share (goal: under 5%): what the IoTDA analyzers add to a compilation's diagnostics, on a fresh compilation of
/// <see cref="SyntheticProject"/> each time (10,000 call sites). <see cref="Compiler"/> is the baseline, so the
/// <c>Ratio</c> column of <see cref="CompilerAndIoTDAAnalyzers"/> minus 1 is the analyzers' share (goal: under 5%).
/// <see cref="CompilerAndEmptyOperationAnalyzer"/> splits that share: what any analyzer that registers the same
/// operation actions pays for the analyzer driver and the operation trees, before doing any work of its own.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerShareBenchmarks
{
    private static readonly CompilationWithAnalyzersOptions AnalysisOptions = new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: null,
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: false);

    private readonly ImmutableArray<DiagnosticAnalyzer> _iotda = ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer());
    private readonly ImmutableArray<DiagnosticAnalyzer> _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());
    private SyntheticProject _project = null!;

    [Params(10_000)]
    public int CallSites { get; set; }

    /// <summary>Builds the project and checks that each variant sees what it should before anything is timed.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        _project = SyntheticProject.Create(CallSites, brokenCalls: 200);

        var compiler = Compiler();
        var problems = compiler.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (problems.Length != 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20)));
        }

        var withIoTDA = await CompilerAndIoTDAAnalyzers();
        var reported = DiagnosticCounts.Count(withIoTDA.Select(d => d.Id).Where(id => id.StartsWith("IOTDA", StringComparison.Ordinal) || id == "AD0001"));
        if (!DiagnosticCounts.Same(reported, _project.ExpectedDiagnostics))
        {
            throw new InvalidOperationException(
                "The analyzers reported " + DiagnosticCounts.Describe(reported) + "; the project has " + DiagnosticCounts.Describe(_project.ExpectedDiagnostics) + Environment.NewLine +
                string.Join(Environment.NewLine, withIoTDA.Where(d => d.Id.StartsWith("IOTDA", StringComparison.Ordinal) || d.Id == "AD0001").Take(20)));
        }

        var withEmpty = await CompilerAndEmptyOperationAnalyzer();
        if (withEmpty.Any(d => d.Id is "BENCH001" or "AD0001") || EmptyOperationAnalyzer.Calls == 0)
        {
            throw new InvalidOperationException("The empty operation analyzer reported something or was never called.");
        }

        Console.WriteLine($"// {CallSites} call sites in {_project.UserTrees.Length} files, {_project.GeneratedTrees.Length} generated files; the analyzers report {DiagnosticCounts.Describe(reported)}");
    }

    [Benchmark(Baseline = true, Description = "Compiler: GetDiagnostics")]
    public ImmutableArray<Diagnostic> Compiler() => _project.CreateCompilation().GetDiagnostics();

    [Benchmark(Description = "Compiler + IoTDA analyzers: GetAllDiagnosticsAsync")]
    public Task<ImmutableArray<Diagnostic>> CompilerAndIoTDAAnalyzers() =>
        _project.CreateCompilation().WithAnalyzers(_iotda, AnalysisOptions).GetAllDiagnosticsAsync();

    [Benchmark(Description = "Compiler + empty operation analyzer: GetAllDiagnosticsAsync")]
    public Task<ImmutableArray<Diagnostic>> CompilerAndEmptyOperationAnalyzer() =>
        _project.CreateCompilation().WithAnalyzers(_empty, AnalysisOptions).GetAllDiagnosticsAsync();
}
