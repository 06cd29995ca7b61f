using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IoTDA.Analyzers;

/// <summary>
/// What the compiler knows about a value: its constant string or number, or how many elements a collection written
/// in place holds. Anything else is unknown, and an unknown value is never flagged.
/// </summary>
internal static class KnownValues
{
    // Deeper nesting than this is not code anyone writes; stopping keeps malformed trees from costing time.
    private const int MaxDepth = 32;

    /// <summary>
    /// The values that can flow into the member: the value itself, or each value it can take, through conversions and
    /// nesting: both branches of a conditional (<c>TargetType = flag ? "devices" : "app"</c> yields both strings), each
    /// arm of a switch expression, and for <c>left ?? right</c> the left's values and the right (see
    /// <see cref="AddCoalesceBranches"/>).
    /// </summary>
    public static void AddBranches(IOperation? operation, List<IOperation> branches, int depth = 0)
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
                AddBranches(conversion.Operand, branches, depth + 1);
                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                AddBranches(conditional.WhenTrue, branches, depth + 1);
                AddBranches(whenFalse, branches, depth + 1);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    AddBranches(arm.Value, branches, depth + 1);
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
        AddBranches(coalesce.Value, branches, depth);
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
            AddBranches(coalesce.WhenNull, branches, depth);
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

    /// <summary>A constant string: literals, consts, constant concatenation and interpolation.</summary>
    public static bool TryGetString(IOperation operation, out string value)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            value = constant;
            return true;
        }

        if (operation is IInterpolatedStringOperation interpolated)
        {
            return TryConcatenate(interpolated, out value);
        }

        value = string.Empty;
        return false;
    }

    /// <summary>A constant number of any numeric type, as a double.</summary>
    public static bool TryGetNumber(IOperation operation, out double value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue)
        {
            return false;
        }

        switch (operation.ConstantValue.Value)
        {
            case int number: value = number; return true;
            case long number: value = number; return true;
            case short number: value = number; return true;
            case sbyte number: value = number; return true;
            case byte number: value = number; return true;
            case ushort number: value = number; return true;
            case uint number: value = number; return true;
            case ulong number: value = number; return true;
            case float number: value = number; return true;
            case double number: value = number; return true;
            case decimal number: value = (double)number; return true;
            default: return false;
        }
    }

    /// <summary>
    /// How many elements a collection written in place holds: at least <paramref name="count"/>, exactly when
    /// <paramref name="exact"/> (a spread of unknown size or a set that may drop duplicates leaves only a lower bound).
    /// </summary>
    public static bool TryCount(IOperation? operation, out int count, out bool exact, int depth = 0)
    {
        count = 0;
        exact = false;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        // Read from syntax: Microsoft.CodeAnalysis 4.8, the oldest compiler these analyzers load into, has no
        // operation for collection expressions.
        if (operation.Syntax is CollectionExpressionSyntax collection && operation.SemanticModel is { } semanticModel)
        {
            return TryCountCollectionExpression(collection, semanticModel, out count, out exact, depth);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TryCount(conversion.Operand, out count, out exact, depth + 1);
            case IArrayCreationOperation array:
                return TryCountArray(array, out count, out exact);
            case IObjectCreationOperation creation:
                return TryCountCollectionInitializer(creation, out count, out exact);
            case IConditionalOperation or ISwitchExpressionOperation or ICoalesceOperation:
                return TryCountBranches(operation, out count, out exact, depth);
            case IInvocationOperation { TargetMethod: { Name: "Empty", IsStatic: true, ContainingType: { Name: "Array", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }:
                exact = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A value that is one of several (<see cref="AddBranches"/>), as in a spread <c>[.. (flag ? a : b)]</c>: known when
    /// every branch is, at least the smallest count, exact when all agree.
    /// </summary>
    private static bool TryCountBranches(IOperation operation, out int count, out bool exact, int depth)
    {
        count = 0;
        exact = false;
        var branches = new List<IOperation>(2);
        AddBranches(operation, branches, depth + 1);
        for (var index = 0; index < branches.Count; index++)
        {
            if (!TryCount(branches[index], out var branchCount, out var branchExact, depth + 1))
            {
                count = 0;
                exact = false;
                return false;
            }

            exact = index == 0 ? branchExact : exact && branchExact && branchCount == count;
            count = index == 0 ? branchCount : Math.Min(count, branchCount);
        }

        return branches.Count > 0;
    }

    private static bool TryCountArray(IArrayCreationOperation array, out int count, out bool exact)
    {
        count = 0;
        exact = false;
        if (array.DimensionSizes.Length != 1)
        {
            return false;
        }

        if (array.Initializer is { } initializer)
        {
            count = initializer.ElementValues.Length;
            exact = true;
            return true;
        }

        if (TryGetNumber(array.DimensionSizes[0], out var size) && size >= 0 && size <= int.MaxValue)
        {
            count = (int)size;
            exact = true;
            return true;
        }

        return false;
    }

    private static bool TryCountCollectionExpression(CollectionExpressionSyntax collection, SemanticModel semanticModel, out int count, out bool exact, int depth)
    {
        count = 0;
        exact = true;

        // Only a set can hold fewer elements than are written (duplicates), so only then are the values worth reading.
        var isSet = ImplementsSet(semanticModel.GetTypeInfo(collection).ConvertedType);
        var constants = isSet ? new List<object?>() : null;
        foreach (var element in collection.Elements)
        {
            if (element is SpreadElementSyntax spread)
            {
                constants = null;
                if (TryCount(semanticModel.GetOperation(WithoutParentheses(spread.Expression)), out var spreadCount, out var spreadExact, depth + 1))
                {
                    count = AddCapped(count, spreadCount);
                    exact &= spreadExact;
                }
                else
                {
                    exact = false;
                }
            }
            else
            {
                count = AddCapped(count, 1);
                if (constants is not null && element is ExpressionElementSyntax expression && semanticModel.GetConstantValue(expression.Expression) is { HasValue: true } constant)
                {
                    constants.Add(constant.Value);
                }
                else
                {
                    constants = null;
                }
            }
        }

        if (isSet)
        {
            LimitForSet(constants, ref count, ref exact);
        }

        return true;
    }

    /// <summary>Parentheses have no operation of their own: <c>[.. (flag ? a : b)]</c> is asked about what they hold.</summary>
    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool TryCountCollectionInitializer(IObjectCreationOperation creation, out int count, out bool exact)
    {
        count = 0;
        exact = false;
        if (creation.Type is not { } type || !IsGenericCollection(type))
        {
            return false;
        }

        // A constructor that takes a collection copies elements the initializer does not show.
        exact = true;
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Type.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64))
            {
                exact = false;
            }
        }

        var elements = new List<IOperation>();
        if (creation.Initializer is { } initializer)
        {
            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case IInvocationOperation { Arguments.Length: 1 } add:
                        elements.Add(add.Arguments[0].Value);
                        break;
                    case ISimpleAssignmentOperation:
                        break;
                    default:
                        // Dictionary-style or multi-argument Add: not a list of items this rule counts.
                        return false;
                }
            }
        }

        count = elements.Count;
        if (ImplementsSet(type))
        {
            List<object?>? constants = new();
            foreach (var element in elements)
            {
                if (!element.ConstantValue.HasValue)
                {
                    constants = null;
                    break;
                }

                constants.Add(element.ConstantValue.Value);
            }

            LimitForSet(constants, ref count, ref exact);
        }

        return true;
    }

    /// <summary>
    /// A set drops duplicates: its count is exact only when every element is a known constant (then it is the number
    /// of distinct ones); otherwise it holds at least one element if any was written.
    /// </summary>
    private static void LimitForSet(List<object?>? constants, ref int count, ref bool exact)
    {
        if (constants is null)
        {
            count = count > 0 ? 1 : 0;
            exact = false;
            return;
        }

        count = new HashSet<object?>(constants).Count;
    }

    private static bool IsGenericCollection(ITypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate is { Name: "ICollection", Arity: 1 } && IsSystemCollectionsGeneric(candidate.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsSet(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { Name: "ISet" or "IReadOnlySet", Arity: 1 } self && IsSystemCollectionsGeneric(self.ContainingNamespace))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate is { Name: "ISet" or "IReadOnlySet", Arity: 1 } && IsSystemCollectionsGeneric(candidate.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSystemCollectionsGeneric(INamespaceSymbol? ns) =>
        ns is { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static int AddCapped(int left, int right) => (int)Math.Min((long)left + right, int.MaxValue);

    /// <summary>
    /// An interpolation is a compile-time string when every hole holds a constant string or char with no alignment or
    /// format (C# itself makes it constant only for strings; a char formats the same in every culture).
    /// </summary>
    private static bool TryConcatenate(IInterpolatedStringOperation interpolated, out string value)
    {
        var builder = new StringBuilder();
        value = string.Empty;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string literal:
                    builder.Append(literal);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole when Unconverted(hole.Expression).ConstantValue.Value is string or char:
                    builder.Append(Convert.ToString(Unconverted(hole.Expression).ConstantValue.Value, CultureInfo.InvariantCulture));
                    break;
                default:
                    return false;
            }
        }

        value = builder.ToString();
        return true;
    }

    private static IOperation Unconverted(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;
}
