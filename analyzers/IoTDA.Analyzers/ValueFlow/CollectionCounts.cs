using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IoTDA.Analyzers.ValueFlow;

/// <summary>
/// How many elements a collection written in place holds: an array, a collection expression, a collection
/// initializer, <c>Array.Empty</c>, or one of several of those (<see cref="Branches"/>). Anything else is unknown.
/// </summary>
internal static partial class CollectionCounts
{
    /// <summary>
    /// At least <paramref name="count"/> elements, exactly when <paramref name="exact"/> (a spread of unknown size or a
    /// set that may drop duplicates leaves only a lower bound).
    /// </summary>
    public static bool TryCount(IOperation? operation, out int count, out bool exact, int depth = 0)
    {
        count = 0;
        exact = false;
        if (operation is null || depth > Branches.MaxDepth)
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
    /// A value that is one of several, as in a spread <c>[.. (flag ? a : b)]</c>: known when every branch is, at least
    /// the smallest count, exact when all agree.
    /// </summary>
    private static bool TryCountBranches(IOperation operation, out int count, out bool exact, int depth)
    {
        count = 0;
        exact = false;
        var branches = new List<IOperation>(2);
        Branches.Add(operation, branches, depth + 1);
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

        if (Constants.TryGetNumber(array.DimensionSizes[0], out var size) && size >= 0 && size <= int.MaxValue)
        {
            count = (int)size;
            exact = true;
            return true;
        }

        return false;
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
            LimitForSet(ConstantsOf(elements), ref count, ref exact);
        }

        return true;
    }
}
