using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Emitting;

/// <summary>How model types, literals and constraint attributes are spelled in generated C#.</summary>
internal sealed class CSharp
{
    public const string Runtime = "global::IoTDA.Runtime.";
    public const string Json = "global::System.Text.Json.";
    public const string Validation = Runtime + "IoTDAValidation";
    public const string JsonHelpers = Runtime + "IoTDAJson";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    private readonly string _namespace;

    public CSharp(SpecModel spec)
    {
        _namespace = spec.Namespace;
        JsonClass = "global::" + spec.Namespace + "." + spec.ClientName + "Json";
    }

    /// <summary><c>public</c>, or <c>internal</c> when the project sets IoTDAGenerateInternalTypes.</summary>
    public static string Accessibility(SpecModel spec) => spec.InternalTypes ? "internal" : "public";

    /// <summary>The internal static class holding the spec's JSON readers, writers and validators.</summary>
    public string JsonClass { get; }

    public string Named(string name) => "global::" + _namespace + "." + name;

    /// <summary>The C# type; <paramref name="nullable"/> adds <c>?</c>.</summary>
    public string Type(TypeModel type, bool nullable = false)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Single => "float",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.Json => Json + "JsonElement",
            TypeKind.Enum or TypeKind.Object => Named(type.Name),
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Type(type.Item!) + ">",
            _ => "global::System.Collections.Generic.IReadOnlyList<" + Type(type.Item!) + ">",
        };
        return nullable ? name + "?" : name;
    }

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The constraint attributes the analyzers read, one per rule, each naming the wire member.</summary>
    public static string[] ConstraintAttributes(string wireName, ConstraintsModel constraints)
    {
        if (constraints.IsEmpty)
        {
            return System.Array.Empty<string>();
        }

        var name = Literal(wireName);
        var attributes = new System.Collections.Generic.List<string>();
        if (constraints.MinItems is { } minItems)
        {
            attributes.Add(Runtime + "MinItemsConstraint(" + name + ", " + Literal(minItems) + ")");
        }

        if (constraints.MaxItems is { } maxItems)
        {
            attributes.Add(Runtime + "MaxItemsConstraint(" + name + ", " + Literal(maxItems) + ")");
        }

        if (constraints.HasLength)
        {
            attributes.Add(Runtime + "LengthConstraint(" + name + ", " + Literal(constraints.MinLength ?? 0) + ", " +
                           (constraints.MaxLength is { } max ? Literal(max) : "int.MaxValue") + ")");
        }

        if (constraints.Pattern is { } pattern)
        {
            attributes.Add(Runtime + "PatternConstraint(" + name + ", " + Literal(pattern) + ")");
        }

        if (constraints.HasRange)
        {
            var range = Runtime + "RangeConstraint(" + name + ", " +
                        (constraints.Minimum is { } minimum ? Literal(minimum) : "double.NegativeInfinity") + ", " +
                        (constraints.Maximum is { } maximum ? Literal(maximum) : "double.PositiveInfinity") + ")";
            if (constraints.ExclusiveMinimum || constraints.ExclusiveMaximum)
            {
                range = range.Substring(0, range.Length - 1) +
                        (constraints.ExclusiveMinimum ? ", MinimumIsExclusive = true" : "") +
                        (constraints.ExclusiveMaximum ? ", MaximumIsExclusive = true" : "") + ")";
            }

            attributes.Add(range);
        }

        if (constraints.AllowedValues.Count > 0)
        {
            attributes.Add(Runtime + "AllowedValuesConstraint(" + name + ", " + string.Join(", ", constraints.AllowedValues.Select(Literal)) + ")");
        }

        return attributes.ToArray();
    }

    /// <summary>Statements that check <paramref name="value"/> against the constraints, naming it <paramref name="nameExpression"/>.</summary>
    public static string[] ConstraintChecks(TypeModel type, string value, bool nullable, string nameExpression, ConstraintsModel constraints)
    {
        var checks = new System.Collections.Generic.List<string>();
        if (constraints.MinItems is { } minItems)
        {
            checks.Add(Validation + ".MinItems(" + value + ", " + nameExpression + ", " + Literal(minItems) + ");");
        }

        if (constraints.MaxItems is { } maxItems)
        {
            checks.Add(Validation + ".MaxItems(" + value + ", " + nameExpression + ", " + Literal(maxItems) + ");");
        }

        if (constraints.MinLength is { } minLength)
        {
            checks.Add(Validation + ".MinLength(" + value + ", " + nameExpression + ", " + Literal(minLength) + ");");
        }

        if (constraints.MaxLength is { } maxLength)
        {
            checks.Add(Validation + ".MaxLength(" + value + ", " + nameExpression + ", " + Literal(maxLength) + ");");
        }

        if (constraints.Pattern is { } pattern)
        {
            checks.Add(Validation + ".Pattern(" + value + ", " + nameExpression + ", " + Literal(pattern) + ");");
        }

        if (constraints.HasRange)
        {
            checks.Add(Validation + ".Range(" + value + ", " + nameExpression + ", " +
                       (constraints.Minimum is { } minimum ? Literal(minimum) : "null") + ", " +
                       (constraints.Maximum is { } maximum ? Literal(maximum) : "null") + ", " +
                       (constraints.ExclusiveMinimum ? "true" : "false") + ", " +
                       (constraints.ExclusiveMaximum ? "true" : "false") + ");");
        }

        if (constraints.AllowedValues.Count > 0 && type.Kind == TypeKind.Enum)
        {
            var text = nullable ? value + "?.ToString()" : value + ".ToString()";
            checks.Add(Validation + ".AllowedValues(" + text + ", " + nameExpression + ", " + string.Join(", ", constraints.AllowedValues.Select(Literal)) + ");");
        }

        return checks.ToArray();
    }
}
