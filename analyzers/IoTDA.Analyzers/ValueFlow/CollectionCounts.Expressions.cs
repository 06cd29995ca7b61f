using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoTDA.Analyzers.ValueFlow;

/// <summary>
/// Collection expressions, <c>[a, b, .. c]</c>: each element counts one, a spread as many as its value holds, and a
/// set no more than the distinct values written.
/// </summary>
internal static partial class CollectionCounts
{
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

    private static int AddCapped(int left, int right) => (int)Math.Min((long)left + right, int.MaxValue);
}
