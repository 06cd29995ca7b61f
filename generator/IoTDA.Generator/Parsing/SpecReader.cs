using System;
using System.IO;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;
using Microsoft.OpenApi.Validations;

namespace IoTDA.Generator.Parsing;

/// <summary>A spec document as read, and what the builder needs to know about how it was read.</summary>
internal sealed record ReadSpec(OpenApiDocument Document, bool IsSwagger2);

/// <summary>Checks the declared version, reads the document and passes on the reader's problems.</summary>
internal static class SpecReader
{
    private static readonly Regex VersionPattern = new(
        @"^\s*[""']?(openapi|swagger)[""']?\s*:\s*[""']?(?<version>[0-9][0-9.]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>Null when nothing can be generated; the reason is in <paramref name="diagnostics"/>.</summary>
    public static ReadSpec? Read(SpecFile file, DiagnosticSink diagnostics)
    {
        var fileName = Path.GetFileName(file.Path);
        if (file.ReadError is { } readError)
        {
            diagnostics.Report(DiagnosticDescriptors.SpecDoesNotParse, null, fileName, readError);
            return null;
        }

        return CheckVersion(file.Text, fileName, diagnostics) ? ReadDocument(file.Text, fileName, diagnostics) : null;
    }

    private static bool CheckVersion(string text, string fileName, DiagnosticSink diagnostics)
    {
        var match = VersionPattern.Match(text);
        if (!match.Success)
        {
            return true;
        }

        var version = match.Groups["version"].Value;
        var supported = version == "2" || version.StartsWith("2.0", StringComparison.Ordinal) ||
                        version == "3" || version.StartsWith("3.0", StringComparison.Ordinal);
        if (!supported)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, "#/" + match.Groups[1].Value, fileName, version);
        }

        return supported;
    }

    private static ReadSpec? ReadDocument(string text, string fileName, DiagnosticSink diagnostics)
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            document = new OpenApiStringReader(Settings()).Read(text, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, null, fileName, exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.SpecDoesNotParse, null, fileName, exception.Message);
            return null;
        }

        var fatal = false;
        foreach (var error in diagnostic.Errors)
        {
            if (StoppedReading(error, document))
            {
                fatal = true;
                diagnostics.Report(DiagnosticDescriptors.SpecReadIncompletely, null, fileName, error.Message);
            }
            else if (error.Pointer is { } pointer && pointer.StartsWith("#line=", StringComparison.Ordinal))
            {
                fatal = true;
                diagnostics.Report(DiagnosticDescriptors.SpecDoesNotParse, pointer, fileName, error.Message);
            }
            else
            {
                diagnostics.Report(DiagnosticDescriptors.SpecProblem, error.Pointer, fileName, error.Pointer ?? "the root", error.Message);
            }
        }

        foreach (var warning in diagnostic.Warnings)
        {
            diagnostics.Report(DiagnosticDescriptors.SpecProblem, warning.Pointer, fileName, warning.Pointer ?? "the root", warning.Message);
        }

        return fatal ? null : new ReadSpec(document, diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0);
    }

    /// <summary>
    /// The reader's bounds against hostile input, raised where real specs pass the defaults: one <c>responses</c>
    /// block shared by an anchor across a few hundred operations expands to tens of thousands of nodes (the default
    /// stops at 5,000), and an <c>info.description</c> may carry a whole guide (the default stops at 64K characters).
    /// The total node count stays bounded by the reader's default, so an alias bomb is still refused.
    /// </summary>
    private static OpenApiReaderSettings Settings() => new()
    {
        ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        MaxAliasExpansionNodeCount = 1_000_000,
        MaxScalarLength = 1 << 20,
        MaxDepth = 128,
    };

    /// <summary>
    /// The reader gave up on the whole text (a bound passed, a duplicate key, no document at all): it says so with an
    /// error at no location and hands back an empty document. Problems it found while reading have a location.
    /// </summary>
    private static bool StoppedReading(OpenApiError error, OpenApiDocument document) =>
        string.IsNullOrEmpty(error.Pointer) && error is not OpenApiValidatorError &&
        document.Info is null && document.Paths is null && document.Components is null;
}
