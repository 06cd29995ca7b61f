using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// The <c>Tags</c> an <c>OpenApiSpec</c> item selects: only operations carrying one of them stay in the document the
/// model is built from (and so only the component schemas they reach, <see cref="SchemaReach.RemoveUnreached"/>).
/// No selection keeps every operation.
/// </summary>
internal static class TagSelection
{
    /// <summary>Splits the item's <c>Tags</c> metadata (an MSBuild list, <c>;</c>-separated) into distinct names.</summary>
    public static EquatableArray<string> Parse(string? metadata) =>
        (metadata ?? "")
            .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.Trim())
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToEquatableArray();

    /// <summary>Removes the operations the selection leaves out; reports each selected tag no operation has.</summary>
    public static void Apply(OpenApiDocument document, SpecFile file, DiagnosticSink diagnostics)
    {
        if (file.Tags.Count == 0)
        {
            return;
        }

        var selected = new HashSet<string>(file.Tags, StringComparer.OrdinalIgnoreCase);
        var known = KnownTags(document);
        var unknown = file.Tags.Where(tag => !known.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var tag in unknown)
        {
            diagnostics.Report(DiagnosticDescriptors.UnknownTag, null, Path.GetFileName(file.Path), tag,
                known.Count == 0 ? "(none)" : string.Join(", ", known));
        }

        foreach (var pathPair in document.Paths?.ToList() ?? new List<KeyValuePair<string, OpenApiPathItem>>())
        {
            var pathItem = pathPair.Value;
            if (pathItem is null)
            {
                continue;
            }

            foreach (var operationPair in pathItem.Operations.ToList())
            {
                if (operationPair.Value?.Tags?.Any(tag => tag?.Name is { } name && selected.Contains(name)) != true)
                {
                    pathItem.Operations.Remove(operationPair.Key);
                }
            }

            if (pathItem.Operations.Count == 0)
            {
                document.Paths!.Remove(pathPair.Key);
            }
        }
    }

    /// <summary>The operations' tags in the order they first appear, then tags only the document's list declares.</summary>
    private static List<string> KnownTags(OpenApiDocument document)
    {
        var names = new List<string>();
        void Add(string? name)
        {
            if (!string.IsNullOrWhiteSpace(name) && !names.Contains(name!, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name!);
            }
        }

        foreach (var operation in document.Paths?.Values.Where(p => p is not null).SelectMany(p => p.Operations.Values) ?? Enumerable.Empty<OpenApiOperation>())
        {
            foreach (var tag in operation?.Tags ?? new List<OpenApiTag>())
            {
                Add(tag?.Name);
            }
        }

        foreach (var tag in document.Tags ?? new List<OpenApiTag>())
        {
            Add(tag?.Name);
        }

        return names;
    }
}
