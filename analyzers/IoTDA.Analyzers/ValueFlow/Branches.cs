using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IoTDA.Analyzers.ValueFlow;

/// <summary>
/// The values an expression can take, each of which may flow into the member it is written to. What is known about
/// each one (<see cref="Constants"/>, <see cref="CollectionCounts"/>) is asked separately, so a value that is known on
/// one branch and unknown on another is still checked where it is known.
/// </summary>
internal static class Branches
{
    /// <summary>Deeper nesting than this is not code anyone writes; stopping keeps malformed trees from costing time.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The value itself, or each value it can take, through conversions and nesting: both branches of a conditional
    /// (<c>TargetType = flag ? "devices" : "app"</c> yields both strings), each arm of a switch expression, and for
    /// <c>left ?? right</c> the left's values and the right (see <see cref="AddCoalesceBranches"/>).
    /// </summary>
    public static void Add(IOperation? operation, List<IOperation> branches, int depth = 0)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        if (operation.ConstantValue.HasValue)
        {
            branches.Add(operation);
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Add(conversion.Operand, branches, depth + 1);
                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Add(conditional.WhenTrue, branches, depth + 1);
                Add(whenFalse, branches, depth + 1);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Add(arm.Value, branches, depth + 1);
                }

                return;
            case ICoalesceOperation coalesce:
                AddCoalesceBranches(coalesce, branches, depth + 1);
                return;
            default:
                branches.Add(operation);
                return;
        }
    }

    /// <summary>
    /// <c>left ?? right</c>: the left's values, less a <c>null</c> constant (that one hands over to the right), and the
    /// right unless every value of the left is known never to be null, when the right never runs and flagging it would
    /// flag a value that cannot flow.
    /// </summary>
    private static void AddCoalesceBranches(ICoalesceOperation coalesce, List<IOperation> branches, int depth)
    {
        var leftStart = branches.Count;
        Add(coalesce.Value, branches, depth);
        var rightRuns = false;
        for (var index = branches.Count - 1; index >= leftStart; index--)
        {
            if (branches[index].ConstantValue is { HasValue: true, Value: null })
            {
                branches.RemoveAt(index);
                rightRuns = true;
            }
            else if (!IsNeverNull(branches[index]))
            {
                rightRuns = true;
            }
        }

        if (rightRuns)
        {
            Add(coalesce.WhenNull, branches, depth);
        }
    }

    /// <summary>
    /// A value that is not null whatever runs: a non-null constant, an interpolated string, something created in place
    /// (an array, a collection expression, an object: <c>new T?()</c> alone is null), or a throw, which yields no value
    /// at all.
    /// </summary>
    private static bool IsNeverNull(IOperation branch) =>
        branch.ConstantValue is { HasValue: true, Value: not null }
        || branch is IInterpolatedStringOperation or IArrayCreationOperation or IThrowOperation
        || branch is IObjectCreationOperation creation
            && (creation.Arguments.Length > 0 || creation.Type?.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
        || branch.Syntax is CollectionExpressionSyntax;
}
