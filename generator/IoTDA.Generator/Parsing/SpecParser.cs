using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Readers.Exceptions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Reads one spec into a <see cref="SpecModel"/>. The only place OpenAPI objects exist: nothing from
/// Microsoft.OpenApi leaves this class.
/// </summary>
internal sealed partial class SpecParser
{
    public const string BatchItemsExtension = "x-iotda-batch-items";
    public const string PageMarkerExtension = "x-iotda-page-marker";
    public const string PageNextMarkerExtension = "x-iotda-page-next-marker";
    public const string PageItemsExtension = "x-iotda-page-items";
    public const string PageOffsetExtension = "x-iotda-page-offset";

    private static readonly Regex VersionPattern = new(
        @"^\s*[""']?(openapi|swagger)[""']?\s*:\s*[""']?(?<version>[0-9][0-9.]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex SpaceRun = new(@"(?<=\S)[ \t]{2,}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] ReservedEnumMembers =
        { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Converter" };

    private readonly SpecFile _file;
    private readonly CancellationToken _cancellationToken;
    private readonly SpecLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, TypeModel> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visitingAliases = new(StringComparer.Ordinal);
    private readonly List<ClassModel> _classes = new();
    private readonly List<EnumModel> _enums = new();
    private readonly List<InlineEnumOccurrence> _inlineEnums = new();
    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);
    private bool _isSwagger2;

    private SpecParser(SpecFile file, CancellationToken cancellationToken)
    {
        _file = file;
        _cancellationToken = cancellationToken;
        _locator = new SpecLocator(file.Path, file.Text);
        _typeNames = new NameScope(file.ClientName, "I" + file.ClientName, file.ClientName + "Json");
    }

    private string FileName => Path.GetFileName(_file.Path);

    /// <summary>Parses the spec; never throws except for cancellation.</summary>
    public static ParseResult Parse(SpecFile file, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(file, cancellationToken);
        try
        {
            var model = parser.Run();
            return new ParseResult(model, parser._diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var failure = new DiagnosticInfo(
                DiagnosticDescriptors.GeneratorFailure.Id,
                parser._locator.AtStart(),
                new[] { parser.FileName, exception.GetType().Name + ": " + exception.Message + InnermostFrame(exception) }.ToEquatableArray());
            return new ParseResult(null, parser._diagnostics.Append(failure).ToEquatableArray());
        }
    }

    /// <summary>Where it failed, so a bug report carries it even without the spec.</summary>
    private static string InnermostFrame(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(frame) ? "" : " (" + frame + ")";
    }

    private SpecModel? Run()
    {
        if (_file.ReadError is { } readError)
        {
            Report(DiagnosticDescriptors.SpecDoesNotParse.Id, null, FileName, readError);
            return null;
        }

        if (!CheckVersion())
        {
            return null;
        }

        var document = Read();
        if (document is null)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var schemas = document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        RegisterComponents(schemas);
        BuildComponents(schemas);
        var operations = BuildOperations(document);
        NameInlineEnums();

        var classes = _classes.Select(FixClass).ToEquatableArray();
        var classesByName = classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var finalOperations = operations.Select(o => FixOperation(o, classesByName)).ToEquatableArray();
        return new SpecModel(
            SpecFileReader.HintPrefix(_file.Path),
            _file.Namespace,
            _file.ClientName,
            _file.InternalTypes,
            Clean(document.Info?.Title),
            Clean(document.Info?.Description),
            finalOperations,
            classes,
            _enums.ToEquatableArray());
    }

    private bool CheckVersion()
    {
        var match = VersionPattern.Match(_file.Text);
        if (!match.Success)
        {
            return true;
        }

        var version = match.Groups["version"].Value;
        var supported = version == "2" || version.StartsWith("2.0", StringComparison.Ordinal) ||
                        version == "3" || version.StartsWith("3.0", StringComparison.Ordinal);
        if (!supported)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion.Id, "#/" + match.Groups[1].Value, FileName, version);
        }

        return supported;
    }

    private OpenApiDocument? Read()
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            var settings = new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences };
            document = new OpenApiStringReader(settings).Read(_file.Text, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion.Id, null, FileName, exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(DiagnosticDescriptors.SpecDoesNotParse.Id, null, FileName, exception.Message);
            return null;
        }

        _isSwagger2 = diagnostic.SpecificationVersion == Microsoft.OpenApi.OpenApiSpecVersion.OpenApi2_0;
        var fatal = false;
        foreach (var error in diagnostic.Errors)
        {
            if (error.Pointer is { } pointer && pointer.StartsWith("#line=", StringComparison.Ordinal))
            {
                fatal = true;
                Report(DiagnosticDescriptors.SpecDoesNotParse.Id, pointer, FileName, error.Message);
            }
            else
            {
                Report(DiagnosticDescriptors.SpecProblem.Id, error.Pointer, FileName, error.Pointer ?? "the root", error.Message);
            }
        }

        foreach (var warning in diagnostic.Warnings)
        {
            Report(DiagnosticDescriptors.SpecProblem.Id, warning.Pointer, FileName, warning.Pointer ?? "the root", warning.Message);
        }

        return fatal ? null : document;
    }

    private void Report(string id, string? pointer, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(id, _locator.Locate(pointer), arguments.ToEquatableArray()));

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Whitespace a reader of the spec cannot see must not change the model: a block scalar keeps the spaces that
        // end its lines (a folded one joins them into the text), so runs of spaces after a word become one.
        var lines = text!.Replace("\r\n", "\n").Trim().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = SpaceRun.Replace(lines[i].TrimEnd(), " ");
        }

        return string.Join("\n", lines);
    }

    private sealed record InlineEnumOccurrence(string Placeholder, string BaseName, string Owner, EquatableArray<string> Values, string? Description, string Pointer);

    private sealed record OperationDraft(
        OperationModel Model,
        string? BatchItems,
        string? PageMarker,
        string? PageNextMarker,
        string? PageItems,
        string? PageOffset,
        string Pointer);
}
