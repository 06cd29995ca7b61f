using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// A constraint attribute's arguments as the rules read them. Each is null (or default) when the argument is not
/// there or not of the type the generator writes: then the rule is not read, and nothing is flagged on its account.
/// </summary>
internal static class AttributeArguments
{
    public static string? String(AttributeData attribute, int index)
    {
        var arguments = attribute.ConstructorArguments;
        return index < arguments.Length && arguments[index].Value is string value ? value : null;
    }

    public static int? Int(AttributeData attribute, int index)
    {
        var arguments = attribute.ConstructorArguments;
        return index < arguments.Length && arguments[index].Kind == TypedConstantKind.Primitive && arguments[index].Value is int value ? value : null;
    }

    public static double? Double(AttributeData attribute, int index)
    {
        var arguments = attribute.ConstructorArguments;
        return index < arguments.Length && arguments[index].Kind == TypedConstantKind.Primitive && arguments[index].Value is double value ? value : null;
    }

    public static ImmutableArray<string> Strings(AttributeData attribute, int index)
    {
        var arguments = attribute.ConstructorArguments;
        if (index >= arguments.Length || arguments[index].Kind != TypedConstantKind.Array || arguments[index].IsNull)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var element in arguments[index].Values)
        {
            if (element.Value is not string value)
            {
                return default;
            }

            builder.Add(value);
        }

        return builder.ToImmutable();
    }

    /// <summary>A named flag the attribute leaves false unless set.</summary>
    public static bool Flag(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is bool flag)
            {
                return flag;
            }
        }

        return false;
    }
}
