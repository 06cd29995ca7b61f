using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// The floor under any analyzer shaped like IoTDA's: the same settings and the same operation actions, no work in
/// them. It supports one diagnostic it never reports (an analyzer that supports none is skipped by the driver).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH001",
        "Never reported",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    private static int _calls;

    /// <summary>How many operations the callbacks saw, so the setup can check the analyzer ran.</summary>
    public static int Calls => Volatile.Read(ref _calls);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterOperationAction(static _ => Interlocked.Increment(ref _calls), OperationKind.SimpleAssignment, OperationKind.Argument);
        });
    }
}
