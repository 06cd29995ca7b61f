using System;
using System.Collections.Immutable;
using System.Text;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// <c>enum</c>: a known string, or a known boolean, that is none of the allowed values. The diagnostic carries the closest allowed value,
/// and the generated enum's property that holds it, for the code fix to offer.
/// </summary>
internal sealed class AllowedValuesRule(ImmutableArray<string> allowed) : MemberRule
{
    /// <summary>Reads <c>[AllowedValuesConstraint(name, values...)]</c>.</summary>
    public static MemberRule? Read(AttributeData attribute) =>
        AttributeArguments.Strings(attribute, 1) is { IsDefault: false } allowed ? new AllowedValuesRule(allowed) : null;

    public override void Check(FlowingValue value)
    {
        if (value.TryGetBoolean(out var flag))
        {
            CheckBoolean(value, flag ? "true" : "false");
            return;
        }

        if (!value.TryGetString(out var written, out var text) || allowed.IndexOf(text, 0, StringComparer.Ordinal) >= 0)
        {
            return;
        }

        var closest = Describe.Closest(text, allowed);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (closest is not null)
        {
            properties = properties.Add(DiagnosticProperties.ClosestValue, closest);
            if (NamedValue(MemberType(value.Member), closest) is { } named)
            {
                properties = properties.Add(DiagnosticProperties.NamedValue, named);
            }
        }

        value.Report(
            DiagnosticDescriptors.NotAllowedValue,
            written,
            properties,
            ConstraintWording.Echo(text),
            value.MemberName,
            ConstraintWording.Alternatives(allowed),
            closest is null ? "" : " (did you mean '" + closest + "'?)");
    }

    /// <summary>A boolean that allows one value: the other is flagged, with no suggestion for a fix to write as a string.</summary>
    private void CheckBoolean(FlowingValue value, string text)
    {
        if (allowed.IndexOf(text, 0, StringComparer.Ordinal) < 0)
        {
            value.Report(DiagnosticDescriptors.NotAllowedValue, value.Operation, null, text, value.MemberName, ConstraintWording.Alternatives(allowed), "");
        }
    }

    private static ITypeSymbol? MemberType(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;
    }

    /// <summary>
    /// The static property of a generated extensible enum that holds <paramref name="value"/>, fully qualified:
    /// the generator names it after the value in PascalCase, so the letters and digits match ignoring case.
    /// </summary>
    private static string? NamedValue(ITypeSymbol? type, string value)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } structType)
        {
            return null;
        }

        var key = LettersAndDigits(value);
        string? found = null;
        foreach (var candidate in structType.GetMembers())
        {
            if (candidate is IPropertySymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsIndexer: false } property
                && SymbolEqualityComparer.Default.Equals(property.Type, structType)
                && string.Equals(LettersAndDigits(property.Name), key, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    return null;
                }

                found = structType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + property.Name;
            }
        }

        return found;
    }

    private static string LettersAndDigits(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (char.IsLetterOrDigit(character))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
