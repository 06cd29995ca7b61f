using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer reference holding the generator and the analyzers as the IDE loads them from IoTDA.Sdk's
/// analyzers/dotnet/cs folder, without the assembly loading the test process has already done.
/// </summary>
public sealed class InstanceAnalyzerReference : AnalyzerReference
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<ISourceGenerator> _generators;

    public InstanceAnalyzerReference(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators)
    {
        _analyzers = analyzers;
        _generators = generators;
    }

    public override string FullPath => "/analyzers/dotnet/cs/IoTDA.Sdk";

    public override string Display => "IoTDA.Sdk";

    public override object Id { get; } = Guid.NewGuid();

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => _analyzers;

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => _analyzers;

    public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => _generators;

    public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => _generators;
}
