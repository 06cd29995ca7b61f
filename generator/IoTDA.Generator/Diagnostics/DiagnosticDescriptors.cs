using Microsoft.CodeAnalysis;

namespace IoTDA.Generator.Diagnostics;

/// <summary>The spec problems the generator reports. Each ID has a page under <c>docs/diagnostics/</c>.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "IoTDA.Generator";
    // Relative to the repository root: the pages live beside the code, not on a host this file would have to name.
    private const string HelpLinkBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor SpecDoesNotParse = Create(
        "IOTDA100",
        "The OpenAPI spec cannot be read",
        "The spec '{0}' cannot be read: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "IOTDA101",
        "The OpenAPI version is not supported",
        "The spec '{0}' declares version {1}; only Swagger 2.0 and OpenAPI 3.0.x and 3.1.x are supported, so nothing was generated from it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "IOTDA102",
        "A construct in the spec is not supported and was skipped",
        "{0} is not supported and was skipped: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "IOTDA103",
        "An external $ref is not followed",
        "The reference '{0}' points outside the spec; the generator reads only the spec itself, so the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingOperationId = Create(
        "IOTDA104",
        "An operation has no operationId",
        "The operation {0} {1} has no operationId; its method is named '{2}' after the method and path",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "IOTDA105",
        "Two operations share an operationId",
        "The operationId '{0}' is used more than once; this operation's method is named '{1}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "IOTDA106",
        "Two names collide after conversion to C#",
        "'{0}' becomes the C# name '{1}', which is already taken; it is named '{2}' instead",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EnumValueNotIdentifier = Create(
        "IOTDA107",
        "An enum value is not a C# identifier",
        "The enum value '{0}' of '{1}' is not a C# identifier; its member is named '{2}'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor KeywordName = Create(
        "IOTDA108",
        "A name in the spec is a C# keyword",
        "'{0}' is a C# keyword; it is generated as '{1}'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SpecProblem = Create(
        "IOTDA109",
        "The spec has a problem",
        "The spec '{0}' has a problem at {1}: {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SchemaIncludesItself = Create(
        "IOTDA110",
        "A schema includes itself through allOf",
        "The schema '{0}' includes itself through allOf; the part that leads back to it adds nothing and is left out",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SchemaTooDeep = Create(
        "IOTDA111",
        "A schema nests too deeply",
        "The schema at {0} lies more than {1} levels deep (items, properties, allOf parts and references); it is kept as raw JSON, or left out where it is an allOf part",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SpecReadIncompletely = Create(
        "IOTDA112",
        "The reader stopped before the end of the spec",
        "The reader stopped before the end of the spec '{0}', so nothing was generated from it: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumTooLarge = Create(
        "IOTDA113",
        "An enum has too many values",
        "The enum has {0} values, more than the {1} an enum type is generated for; it is generated as a string, and its values are not checked before a call",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownTag = Create(
        "IOTDA114",
        "An OpenApiSpec item selects a tag no operation has",
        "The OpenApiSpec item '{0}' selects the tag '{1}', which no operation in the spec carries; the spec's tags are: {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleMismatch = Create(
        "IOTDA115",
        "An example or default does not match its schema",
        "The spec '{0}' has an example or default at {1} that does not match its schema's type; it only documents the API, so the generated code is the same",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor RawBody = Create(
        "IOTDA116",
        "A body of a media type the generator does not model is raw content",
        "{0} has a body of media type {1}, which the generator does not model: it is generated as a Stream of that media type, which the caller writes or reads",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor CallerFormattedParameter = Create(
        "IOTDA117",
        "A parameter the generator does not format is a string the caller formats",
        "The parameter '{0}' has a schema ({1}) the generator does not format as a {2} value; it is a string the caller passes as the spec's style formats it",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SecuritySchemeNotApplied = Create(
        "IOTDA118",
        "A security scheme of the spec is not applied by the client",
        "The security scheme '{0}' ({1}) is not applied by the generated client: {2}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnusedSchemas = Create(
        "IOTDA119",
        "Component schemas no operation uses are not generated",
        "No operation of the spec '{0}' uses {1} of its component schemas ({2}); nothing is generated for them, and AllSchemas=\"true\" on its OpenApiSpec item generates them",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "IOTDA199",
        "The generator failed on this spec",
        "The generator failed on the spec '{0}' and generated nothing from it: {1}",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
