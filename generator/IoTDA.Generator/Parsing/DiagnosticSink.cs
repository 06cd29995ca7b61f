using System.Collections.Generic;
using IoTDA.Generator.Model;
using Microsoft.CodeAnalysis;

namespace IoTDA.Generator.Parsing;

/// <summary>Collects the spec's problems, each located at the node its JSON pointer names.</summary>
internal sealed class DiagnosticSink
{
    private readonly SpecLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public DiagnosticSink(SpecLocator locator) => _locator = locator;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>An empty sink over the same file, for work whose problems may be thrown away.</summary>
    public DiagnosticSink Fork() => new(_locator);

    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, _locator.Locate(pointer), arguments.ToEquatableArray()));

    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics) => _diagnostics.AddRange(diagnostics);

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _diagnostics.ToEquatableArray();
}
