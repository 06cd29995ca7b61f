using System.Collections.Immutable;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers;

/// <summary>
/// The call-site rules, one per row of <see cref="ConstraintTable"/>, which holds their IDs, titles and messages. Each
/// ID has a page under <c>docs/diagnostics/</c> and a row in AnalyzerReleases.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "IoTDA.Usage";

    // Relative to the repository root, as the generator's rules are: the pages live beside the code.
    private const string HelpLinkBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor TooManyItems = Create(ConstraintTable.MaxItems);
    public static readonly DiagnosticDescriptor NotAllowedValue = Create(ConstraintTable.AllowedValues);
    public static readonly DiagnosticDescriptor TooFewItems = Create(ConstraintTable.MinItems);
    public static readonly DiagnosticDescriptor OutOfRange = Create(ConstraintTable.Range);
    public static readonly DiagnosticDescriptor WrongLength = Create(ConstraintTable.Length);
    public static readonly DiagnosticDescriptor PatternMismatch = Create(ConstraintTable.Pattern);

    /// <summary>Every rule, in the table's (diagnostic-ID) order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All =
        ImmutableArray.Create(TooManyItems, NotAllowedValue, TooFewItems, OutOfRange, WrongLength, PatternMismatch);

    /// <summary>The IDs the code fixes register for.</summary>
    public static string TooManyItemsId => TooManyItems.Id;

    public static string NotAllowedValueId => NotAllowedValue.Id;

    private static DiagnosticDescriptor Create(ConstraintRule row) =>
        new(
            row.DiagnosticId,
            row.Title,
            row.MessageFormat,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: row.Title + ": the value is known at compile time and the service would reject it.",
            helpLinkUri: HelpLinkBase + row.DiagnosticId + ".md");
}
