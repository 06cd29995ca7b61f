using System.Globalization;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// <c>minLength</c> and <c>maxLength</c>: a known string with too many or too few characters, counted in code points
/// as the runtime counts them. The maximum is <see cref="int.MaxValue"/> when the spec sets none.
/// </summary>
internal sealed class LengthRule(int minimum, int maximum) : MemberRule
{
    /// <summary>Reads <c>[LengthConstraint(name, minimum, maximum)]</c>.</summary>
    public static MemberRule? Read(AttributeData attribute) =>
        AttributeArguments.Int(attribute, 1) is { } minimum && AttributeArguments.Int(attribute, 2) is { } maximum
            ? new LengthRule(minimum, maximum)
            : null;

    public override void Check(FlowingValue value)
    {
        if (!value.TryGetString(out var written, out var text))
        {
            return;
        }

        var codePoints = ConstraintWording.CodePoints(text);
        var broken = codePoints > maximum ? "accepts at most " + maximum.ToString(CultureInfo.InvariantCulture)
            : codePoints < minimum ? "needs at least " + minimum.ToString(CultureInfo.InvariantCulture)
            : null;
        if (broken is not null)
        {
            value.Report(DiagnosticDescriptors.WrongLength, written, null, value.MemberName, ConstraintWording.Echo(text), codePoints, broken);
        }
    }
}
