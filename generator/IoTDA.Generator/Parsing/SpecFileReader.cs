using System;
using System.IO;
using System.Text;
using System.Threading;
using IoTDA.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Generator.Parsing;

/// <summary>Picks the additional files marked as specs and reads their text and item metadata.</summary>
internal static class SpecFileReader
{
    public const string SpecMetadata = "build_metadata.AdditionalFiles.OpenApiSpec";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";
    public const string ClientNameMetadata = "build_metadata.AdditionalFiles.ClientName";
    public const string TagsMetadata = "build_metadata.AdditionalFiles.Tags";
    public const string AllSchemasMetadata = "build_metadata.AdditionalFiles.AllSchemas";
    public const string CheckRequiredInAnswersMetadata = "build_metadata.AdditionalFiles.CheckRequiredInAnswers";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string InternalTypesProperty = "build_property.IoTDAGenerateInternalTypes";
    private const string FallbackNamespace = "IoTDA";

    public static bool IsSpec(AnalyzerConfigOptions options) =>
        options.TryGetValue(SpecMetadata, out var value) && IsTrue(value);

    public static ProjectSettings ReadProjectSettings(AnalyzerConfigOptions globalOptions)
    {
        globalOptions.TryGetValue(RootNamespaceProperty, out var rootNamespace);
        globalOptions.TryGetValue(InternalTypesProperty, out var internalTypes);
        return new ProjectSettings(
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace,
            IsTrue(internalTypes));
    }

    public static SpecFile? Read(AdditionalText text, AnalyzerConfigOptions fileOptions, ProjectSettings project, CancellationToken cancellationToken)
    {
        if (!IsSpec(fileOptions))
        {
            return null;
        }

        string content;
        string? readError = null;
        try
        {
            content = text.GetText(cancellationToken)?.ToString() ?? "";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unreadable file (locked, deleted mid-build) is a diagnostic about that spec, never a generator crash.
            content = "";
            readError = exception.Message;
        }

        fileOptions.TryGetValue(NamespaceMetadata, out var ns);
        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        fileOptions.TryGetValue(TagsMetadata, out var tags);
        fileOptions.TryGetValue(AllSchemasMetadata, out var allSchemas);
        fileOptions.TryGetValue(CheckRequiredInAnswersMetadata, out var checkRequired);
        return new SpecFile(
            text.Path,
            content,
            SanitizeNamespace(string.IsNullOrWhiteSpace(ns) ? project.RootNamespace : ns),
            SanitizeIdentifier(string.IsNullOrWhiteSpace(clientName) ? DefaultClientName(text.Path) : clientName!),
            project.InternalTypes,
            readError,
            TagSelection.Parse(tags))
        {
            DatesAsDateOnly = project.DatesAsDateOnly,
            AllSchemas = IsTrue(allSchemas),
            CheckRequiredInAnswers = string.IsNullOrWhiteSpace(checkRequired) ? null : IsTrue(checkRequired),
        };
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>petstore.openapi.yaml</c> → <c>PetstoreClient</c>.</summary>
    public static string DefaultClientName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        foreach (var suffix in new[] { ".openapi", ".swagger" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                name = name.Substring(0, name.Length - suffix.Length);
            }
        }

        return Naming.ToPascalCase(name) + "Client";
    }

    /// <summary>The start of every generated file name: the spec's own name, then a hash of its full path.</summary>
    public static string HintPrefix(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var builder = new StringBuilder(name.Length + 10);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) && c < 128 || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.Append('.').Append(StableHash(path.Replace('\\', '/')).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).ToString();
    }

    private static uint StableHash(string value)
    {
        // FNV-1a: string.GetHashCode is randomized per process, and hint names must be the same on every build.
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static string SanitizeNamespace(string? ns)
    {
        if (string.IsNullOrWhiteSpace(ns))
        {
            return FallbackNamespace;
        }

        var parts = ns!.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = SanitizeIdentifier(parts[i].Trim());
        }

        return parts.Length == 0 ? FallbackNamespace : string.Join(".", parts);
    }

    private static string SanitizeIdentifier(string name)
    {
        var trimmed = name.Trim();
        if (Naming.IsPlainIdentifier(trimmed) && !Naming.IsKeyword(trimmed))
        {
            return trimmed;
        }

        var pascal = Naming.ToPascalCase(trimmed);
        return pascal.Length == 0 || Naming.IsKeyword(pascal) ? "Generated" + pascal : pascal;
    }
}
