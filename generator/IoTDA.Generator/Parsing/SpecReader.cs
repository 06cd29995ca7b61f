using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;
using Microsoft.OpenApi.Validations;
using SharpYaml.Serialization;

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

        return CheckVersion(file.Text, fileName, diagnostics) switch
        {
            DeclaredVersion.Unsupported => null,
            DeclaredVersion.OpenApi31 => ReadOpenApi31(file.Text, fileName, diagnostics),
            _ => ReadDocument(fileName, diagnostics, (out OpenApiDiagnostic diagnostic) => new OpenApiStringReader(Settings()).Read(file.Text, out diagnostic)),
        };
    }

    private enum DeclaredVersion
    {
        Readable,
        OpenApi31,
        Unsupported,
    }

    private delegate OpenApiDocument DocumentRead(out OpenApiDiagnostic diagnostic);

    private static DeclaredVersion CheckVersion(string text, string fileName, DiagnosticSink diagnostics)
    {
        var match = VersionPattern.Match(text);
        if (!match.Success)
        {
            return DeclaredVersion.Readable;
        }

        var version = match.Groups["version"].Value;
        if (version == "2" || version.StartsWith("2.0", StringComparison.Ordinal) ||
            version == "3" || version.StartsWith("3.0", StringComparison.Ordinal))
        {
            return DeclaredVersion.Readable;
        }

        if (match.Groups[1].Value == "openapi" && (version == "3.1" || version.StartsWith("3.1.", StringComparison.Ordinal)))
        {
            return DeclaredVersion.OpenApi31;
        }

        diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, "#/" + match.Groups[1].Value, fileName, version);
        return DeclaredVersion.Unsupported;
    }

    /// <summary>
    /// The reader cannot read 3.1: the document is loaded as YAML, rewritten into 3.0 (<see cref="OpenApi31Normalizer"/>)
    /// and written out again for the reader. The text goes through the reader first, which loads the YAML within its
    /// bounds (depth, size, alias expansion) before it stops at the version, so only a text within them is loaded again.
    /// </summary>
    private static ReadSpec? ReadOpenApi31(string text, string fileName, DiagnosticSink diagnostics)
    {
        try
        {
            var document = new OpenApiStringReader(Settings()).Read(text, out var bounded);
            // The reader took it without a version error: the 3.1 the text seemed to declare was not its version field.
            return ReadDocument(fileName, diagnostics, (out OpenApiDiagnostic diagnostic) =>
            {
                diagnostic = bounded;
                return document;
            });
        }
        catch (OpenApiUnsupportedSpecVersionException)
        {
            // The YAML was loaded whole and within bounds: the reader only looks at the version after that.
        }

        // The reader has bounded the nesting already; the loader counts levels its own way, so it is given room.
        var root = YamlTreeLoader.LoadFirst(text, MaxDepth + 8, out var error);
        if (root is null)
        {
            diagnostics.Report(DiagnosticDescriptors.SpecDoesNotParse, null, fileName, error!);
            return null;
        }

        OpenApi31Normalizer.Normalize(root, (pointer, subject, why) => diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, subject, why));

        // The reader takes only text. The rewrites keep the paths of the nodes they leave in place, so the pointers
        // the reader reports name the same nodes in the user's text, where its diagnostics are placed. A rewrite
        // nests a reference two levels deeper at most, which the second read allows for.
        var normalized = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(normalized);
        return ReadDocument(fileName, diagnostics, (out OpenApiDiagnostic diagnostic) =>
            new OpenApiStringReader(Settings(MaxDepth + 2)).Read(normalized.ToString(), out diagnostic));
    }

    private static ReadSpec? ReadDocument(string fileName, DiagnosticSink diagnostics, DocumentRead read)
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            document = read(out diagnostic);
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
        var problems = new SpecProblems();
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
                problems.Add(error.Pointer, error.Message);
            }
        }

        foreach (var warning in diagnostic.Warnings)
        {
            if (IsExampleMismatch(warning))
            {
                diagnostics.Report(DiagnosticDescriptors.ExampleMismatch, warning.Pointer, fileName, warning.Pointer ?? "the root");
                continue;
            }

            problems.Add(warning.Pointer, warning.Message);
        }

        problems.Report(diagnostics, fileName);

        return fatal ? null : new ReadSpec(document, diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0);
    }

    /// <summary>
    /// The validator's check of examples and defaults against their schema's type (one rule each for schemas, media
    /// types, parameters and headers): real specs fail it by the thousand, and it changes nothing generated.
    /// </summary>
    private static bool IsExampleMismatch(OpenApiError warning) =>
        warning is OpenApiValidatorWarning { RuleName: { } rule } && rule.EndsWith("MismatchedDataType", StringComparison.Ordinal);

    /// <summary>
    /// The reader's bounds against hostile input, raised where real specs pass the defaults: one <c>responses</c>
    /// block shared by an anchor across a few hundred operations expands to tens of thousands of nodes (the default
    /// stops at 5,000), and an <c>info.description</c> may carry a whole guide (the default stops at 64K characters).
    /// The total node count stays bounded by the reader's default, so an alias bomb is still refused.
    /// </summary>
    private const int MaxDepth = 128;

    private static OpenApiReaderSettings Settings(int maxDepth = MaxDepth) => new()
    {
        ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        MaxAliasExpansionNodeCount = 1_000_000,
        MaxScalarLength = 1 << 20,
        MaxDepth = (uint)maxDepth,
    };

    /// <summary>
    /// The reader gave up on the whole text (a bound passed, a duplicate key, no document at all): it says so with an
    /// error at no location and hands back an empty document. Problems it found while reading have a location.
    /// </summary>
    private static bool StoppedReading(OpenApiError error, OpenApiDocument document) =>
        string.IsNullOrEmpty(error.Pointer) && error is not OpenApiValidatorError &&
        document.Info is null && document.Paths is null && document.Components is null;
}
