using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Generator.Diagnostics;

/// <summary>Turns the pipeline's equatable <see cref="DiagnosticInfo"/> into a Roslyn diagnostic at report time.</summary>
internal static class DiagnosticFactory
{
    public static Diagnostic Create(DiagnosticInfo info)
    {
        var location = info.Location is { } at
            ? Location.Create(
                at.FilePath,
                new TextSpan(at.Start, at.Length),
                new LinePositionSpan(new LinePosition(at.StartLine, at.StartColumn), new LinePosition(at.EndLine, at.EndColumn)))
            : Location.None;
        return Diagnostic.Create(info.Descriptor, location, info.Arguments.Cast<object>().ToArray());
    }
}
