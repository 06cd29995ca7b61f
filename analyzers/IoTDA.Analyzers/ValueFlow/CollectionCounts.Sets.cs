using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.ValueFlow;

/// <summary>Which collections count elements as written, and how a set's duplicates lower the count.</summary>
internal static partial class CollectionCounts
{
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

    /// <summary>The elements' constant values, or null when any element is not a constant.</summary>
    private static List<object?>? ConstantsOf(List<IOperation> elements)
    {
        var constants = new List<object?>(elements.Count);
        foreach (var element in elements)
        {
            if (!element.ConstantValue.HasValue)
            {
                return null;
            }

            constants.Add(element.ConstantValue.Value);
        }

        return constants;
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
}
