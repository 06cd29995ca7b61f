using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// <c>minimum</c>, <c>maximum</c> and their exclusive forms: a known number outside the range. NaN is in no range.
/// A bound the spec does not set is read as an infinity.
/// </summary>
internal sealed class RangeRule(double minimum, double maximum, bool minimumIsExclusive, bool maximumIsExclusive) : MemberRule
{
    /// <summary>Reads <c>[RangeConstraint(name, minimum, maximum, MinimumIsExclusive = ..., MaximumIsExclusive = ...)]</c>.</summary>
    public static MemberRule? Read(AttributeData attribute) =>
        AttributeArguments.Double(attribute, 1) is { } minimum && AttributeArguments.Double(attribute, 2) is { } maximum
            ? new RangeRule(minimum, maximum, AttributeArguments.Flag(attribute, "MinimumIsExclusive"), AttributeArguments.Flag(attribute, "MaximumIsExclusive"))
            : null;

    public override void Check(FlowingValue value)
    {
        if (value.TryGetNumber(out var number) && !Accepts(number))
        {
            value.Report(DiagnosticDescriptors.OutOfRange, value.Operation, null, value.MemberName, ConstraintWording.Number(number), Accepted());
        }
    }

    private bool Accepts(double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        var aboveMinimum = minimumIsExclusive ? value > minimum : value >= minimum;
        var belowMaximum = maximumIsExclusive ? value < maximum : value <= maximum;
        return aboveMinimum && belowMaximum;
    }

    /// <summary>The range in the runtime's words, where an infinite bound is no bound.</summary>
    private string Accepted() => ConstraintWording.Range(
        double.IsNegativeInfinity(minimum) ? null : minimum,
        double.IsPositiveInfinity(maximum) ? null : maximum,
        minimumIsExclusive,
        maximumIsExclusive);
}
