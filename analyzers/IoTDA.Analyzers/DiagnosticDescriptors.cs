using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers;

/// <summary>The call-site rules. Each ID has a page under <c>docs/diagnostics/</c> and a row in AnalyzerReleases.</summary>
internal static class DiagnosticDescriptors
{
    public const string TooManyItemsId = "IOTDA001";
    public const string NotAllowedValueId = "IOTDA002";
    public const string TooFewItemsId = "IOTDA003";
    public const string OutOfRangeId = "IOTDA004";
    public const string WrongLengthId = "IOTDA005";
    public const string PatternMismatchId = "IOTDA006";

    private const string Category = "IoTDA.Usage";

    // Relative to the repository root, as the generator's rules are: the pages live beside the code.
    private const string HelpLinkBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor TooManyItems = Create(
        TooManyItemsId,
        "Too many items for one call",
        "{0} has {1}; the API accepts at most {2} per call");

    public static readonly DiagnosticDescriptor NotAllowedValue = Create(
        NotAllowedValueId,
        "Not one of the allowed values",
        "'{0}' is not a valid {1}; expected {2}{3}");

    public static readonly DiagnosticDescriptor TooFewItems = Create(
        TooFewItemsId,
        "Too few items",
        "{0} has {1}; the API needs at least {2}");

    public static readonly DiagnosticDescriptor OutOfRange = Create(
        OutOfRangeId,
        "A number outside the allowed range",
        "{0} is {1}; the API accepts {2}");

    public static readonly DiagnosticDescriptor WrongLength = Create(
        WrongLengthId,
        "A string of the wrong length",
        "{0} '{1}' is {2} characters long; the API {3}");

    public static readonly DiagnosticDescriptor PatternMismatch = Create(
        PatternMismatchId,
        "A string that does not match the pattern",
        "{0} '{1}' does not match the pattern {2}");

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: title + ": the value is known at compile time and the service would reject it.",
            helpLinkUri: HelpLinkBase + id + ".md");
}
