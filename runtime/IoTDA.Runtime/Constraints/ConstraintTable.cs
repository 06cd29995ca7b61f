using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>The kinds of rule a spec can state about a value, one per row of <see cref="ConstraintTable"/>.</summary>
internal enum ConstraintKind
{
    MaxItems,
    AllowedValues,
    MinItems,
    Range,
    Length,
    Pattern,
}

/// <summary>
/// One constraint kind end to end: the spec keywords that state it, the attribute the generator stamps on the member,
/// and the analyzer rule (ID, title, message) that flags a constant breaking it. The runtime's validation errors use
/// the same message, so a rule reads the same at compile time and at run time.
/// </summary>
internal sealed class ConstraintRule
{
    public ConstraintRule(ConstraintKind kind, string keywords, string attributeName, string diagnosticId, string title, string messageFormat)
    {
        Kind = kind;
        Keywords = keywords;
        AttributeName = attributeName;
        DiagnosticId = diagnosticId;
        Title = title;
        MessageFormat = messageFormat;
    }

    public ConstraintKind Kind { get; }

    /// <summary>The JSON Schema keywords, as a spec spells them.</summary>
    public string Keywords { get; }

    /// <summary>The attribute type in <see cref="ConstraintTable.Namespace"/>, without the namespace.</summary>
    public string AttributeName { get; }

    public string DiagnosticId { get; }

    public string Title { get; }

    /// <summary>A composite format; the arguments are listed on each row of <see cref="ConstraintTable"/>.</summary>
    public string MessageFormat { get; }

    /// <summary>The attribute's metadata name, as a compilation looks it up.</summary>
    public string AttributeMetadataName => ConstraintTable.Namespace + "." + AttributeName;
}

/// <summary>
/// The one table of constraint kinds, compiled (linked) into the runtime, the generator and the analyzers. Adding a
/// kind is a row here, a check in <see cref="IoTDAValidation"/>, a rule in the analyzers and a docs page.
/// </summary>
internal static class ConstraintTable
{
    public const string Namespace = "IoTDA.Runtime";

    /// <summary>The base type of every constraint attribute.</summary>
    public const string BaseAttributeName = "IoTDAConstraintAttribute";

    /// <summary>Arguments: member, item count, maximum.</summary>
    public static readonly ConstraintRule MaxItems = new(
        ConstraintKind.MaxItems, "maxItems", "MaxItemsConstraintAttribute", "IOTDA001",
        "Too many items for one call", "{0} has {1}; the API accepts at most {2} per call");

    /// <summary>Arguments: value, member, the alternatives, a suggestion (may be empty).</summary>
    public static readonly ConstraintRule AllowedValues = new(
        ConstraintKind.AllowedValues, "enum", "AllowedValuesConstraintAttribute", "IOTDA002",
        "Not one of the allowed values", "'{0}' is not a valid {1}; expected {2}{3}");

    /// <summary>Arguments: member, item count, minimum.</summary>
    public static readonly ConstraintRule MinItems = new(
        ConstraintKind.MinItems, "minItems", "MinItemsConstraintAttribute", "IOTDA003",
        "Too few items", "{0} has {1}; the API needs at least {2}");

    /// <summary>Arguments: member, number, the accepted range.</summary>
    public static readonly ConstraintRule Range = new(
        ConstraintKind.Range, "minimum, maximum, exclusiveMinimum, exclusiveMaximum", "RangeConstraintAttribute", "IOTDA004",
        "A number outside the allowed range", "{0} is {1}; the API accepts {2}");

    /// <summary>Arguments: member, value, length in code points, the bound broken ("needs at least 3").</summary>
    public static readonly ConstraintRule Length = new(
        ConstraintKind.Length, "minLength, maxLength", "LengthConstraintAttribute", "IOTDA005",
        "A string of the wrong length", "{0} '{1}' is {2} characters long; the API {3}");

    /// <summary>Arguments: member, value, pattern.</summary>
    public static readonly ConstraintRule Pattern = new(
        ConstraintKind.Pattern, "pattern", "PatternConstraintAttribute", "IOTDA006",
        "A string that does not match the pattern", "{0} '{1}' does not match the pattern {2}");

    /// <summary>Every row, in diagnostic-ID order.</summary>
    public static IReadOnlyList<ConstraintRule> All { get; } = new[] { MaxItems, AllowedValues, MinItems, Range, Length, Pattern };
}
