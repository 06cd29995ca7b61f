using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary><c>pattern</c>: a known string the spec's pattern does not match, read as the runtime reads it.</summary>
internal sealed class PatternRule(string pattern, CompiledPatterns compiled) : MemberRule
{
    /// <summary>Reads <c>[PatternConstraint(name, pattern)]</c>.</summary>
    public static MemberRule? Read(AttributeData attribute, CompiledPatterns compiled) =>
        AttributeArguments.String(attribute, 1) is { } pattern ? new PatternRule(pattern, compiled) : null;

    public override void Check(FlowingValue value)
    {
        if (value.TryGetString(out var written, out var text) && compiled.Matches(pattern, text) == false)
        {
            value.Report(DiagnosticDescriptors.PatternMismatch, written, null, value.MemberName, ConstraintWording.Echo(text), pattern);
        }
    }
}
