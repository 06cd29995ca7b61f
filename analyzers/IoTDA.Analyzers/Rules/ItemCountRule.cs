using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// <c>maxItems</c> and <c>minItems</c>: a collection written in place with more items than one call accepts, or
/// fewer than the API needs. A count known only as a lower bound can break the maximum but never the minimum.
/// </summary>
internal sealed class ItemCountRule(int limit, bool isMaximum) : MemberRule
{
    /// <summary>Reads <c>[MaxItemsConstraint(name, maximum)]</c>.</summary>
    public static MemberRule? ReadMaximum(AttributeData attribute) =>
        AttributeArguments.Int(attribute, 1) is { } maximum ? new ItemCountRule(maximum, isMaximum: true) : null;

    /// <summary>Reads <c>[MinItemsConstraint(name, minimum)]</c>.</summary>
    public static MemberRule? ReadMinimum(AttributeData attribute) =>
        AttributeArguments.Int(attribute, 1) is { } minimum ? new ItemCountRule(minimum, isMaximum: false) : null;

    public override void Check(FlowingValue value)
    {
        if (!value.TryCount(out var count, out var exact))
        {
            return;
        }

        if (isMaximum ? count > limit : exact && count < limit)
        {
            var descriptor = isMaximum ? DiagnosticDescriptors.TooManyItems : DiagnosticDescriptors.TooFewItems;
            value.Report(descriptor, value.Operation, null, value.MemberName, Describe.Items(count, exact), limit);
        }
    }
}
