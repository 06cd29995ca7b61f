using System;
using System.IO;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;

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
            var settings = new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences };
            document = new OpenApiStringReader(settings).Read(text, out diagnostic);
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
            if (error.Pointer is { } pointer && pointer.StartsWith("#line=", StringComparison.Ordinal))
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
}
