using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Emitting;

/// <summary>How model types, literals and constraint attributes are spelled in generated C#.</summary>
internal sealed class CSharp
{
    public const string Runtime = "global::IoTDA.Runtime.";
    public const string Json = "global::System.Text.Json.";
    public const string Validation = Runtime + "IoTDAValidation";
    public const string JsonHelpers = Runtime + "IoTDAJson";

    /// <summary>The runtime's one rule for a formatted value (a date and time, a UUID, a URI, bytes) as text.</summary>
    public const string Text = Runtime + "IoTDAText.Format";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    private readonly string _namespace;
    private readonly bool _datesAsDateOnly;

    public CSharp(SpecModel spec)
    {
        _namespace = spec.Namespace;
        _datesAsDateOnly = spec.DatesAsDateOnly;
        JsonClass = "global::" + spec.Namespace + "." + spec.ClientName + "Json";
        ChecksRequiredInAnswers = spec.ChecksRequiredInAnswers;
    }

    /// <inheritdoc cref="SpecModel.ChecksRequiredInAnswers"/>
    public bool ChecksRequiredInAnswers { get; }

    /// <summary><c>public</c>, or <c>internal</c> when the project sets IoTDAGenerateInternalTypes.</summary>
    public static string Accessibility(SpecModel spec) => spec.InternalTypes ? "internal" : "public";

    /// <summary>The internal static class holding the spec's JSON readers, writers and validators.</summary>
    public string JsonClass { get; }

    public string Named(string name) => "global::" + _namespace + "." + name;

    /// <summary>A date as its RFC 3339 text, through the JSON class's helper for the project's date type (<see cref="JsonEmitter"/>).</summary>
    public string FormatDate(string value) => JsonClass + ".FormatDate(" + value + ")";

    /// <summary>The C# type; <paramref name="nullable"/> adds <c>?</c>.</summary>
    public string Type(TypeModel type, bool nullable = false)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 or TypeKind.Int64String => "long",
            TypeKind.Single => "float",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.Date => _datesAsDateOnly ? "global::System.DateOnly" : "global::System.DateTime",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.Uri => "global::System.Uri",
            TypeKind.Bytes => "byte[]",
            TypeKind.Json => Json + "JsonElement",
            TypeKind.Enum or TypeKind.IntEnum or TypeKind.Object => Named(type.Name),
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Type(type.ItemType) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Type(type.ItemType) + ">",
        };
        return nullable ? name + "?" : name;
    }

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The constraint attributes the analyzers read, one per rule, each naming the wire member.</summary>
    public static IReadOnlyList<string> ConstraintAttributes(string wireName, ConstraintsModel constraints)
    {
        if (constraints.IsEmpty)
        {
            return System.Array.Empty<string>();
        }

        var name = Literal(wireName);
        var attributes = new List<string>();
        if (constraints.MinItems is { } minItems)
        {
            attributes.Add(Attribute(ConstraintTable.MinItems, name, Literal(minItems)));
        }

        if (constraints.MaxItems is { } maxItems)
        {
            attributes.Add(Attribute(ConstraintTable.MaxItems, name, Literal(maxItems)));
        }

        if (constraints.HasLength)
        {
            attributes.Add(Attribute(ConstraintTable.Length, name, Literal(constraints.MinLength ?? 0), constraints.MaxLength is { } max ? Literal(max) : "int.MaxValue"));
        }

        if (constraints.Pattern is { } pattern)
        {
            attributes.Add(Attribute(ConstraintTable.Pattern, name, Literal(pattern)));
        }

        if (constraints.HasRange)
        {
            attributes.Add(Attribute(
                ConstraintTable.Range,
                name,
                constraints.Minimum is { } minimum ? Literal(minimum) : "double.NegativeInfinity",
                constraints.Maximum is { } maximum ? Literal(maximum) : "double.PositiveInfinity",
                constraints.ExclusiveMinimum ? "MinimumIsExclusive = true" : null,
                constraints.ExclusiveMaximum ? "MaximumIsExclusive = true" : null));
        }

        if (constraints.AllowedValues.Count > 0)
        {
            attributes.Add(Attribute(ConstraintTable.AllowedValues, name, constraints.AllowedValues.Select(Literal).ToArray()));
        }

        return attributes;
    }

    /// <summary><c>global::IoTDA.Runtime.MaxItemsConstraint("target_ids", 20)</c>: the attribute without its suffix.</summary>
    private static string Attribute(ConstraintRule rule, string name, params string?[] arguments)
    {
        var type = rule.AttributeName.Substring(0, rule.AttributeName.Length - "Attribute".Length);
        return "global::" + ConstraintTable.Namespace + "." + type + "(" + string.Join(", ", new[] { name }.Concat(arguments.Where(a => a is not null))) + ")";
    }
}
