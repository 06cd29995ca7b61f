using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// What keeps the walk over schemas finite: schemas may reach themselves through properties, items and <c>allOf</c>,
/// and the resolved document is a graph, not a tree. A cycle ends at the class being built, an <c>allOf</c> that
/// comes back to its schema is reported, and any path longer than <see cref="MaxSchemaDepth"/> is cut with a report.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>
    /// How deep items, properties, <c>allOf</c> parts and references may nest. Hand-written schemas stay far below it;
    /// past it the compiler's stack, not the spec, would decide where generation stops.
    /// </summary>
    internal const int MaxSchemaDepth = 64;

    private readonly Dictionary<OpenApiSchema, string> _classesInProgress = new();
    private readonly HashSet<string> _reportedPointers = new(StringComparer.Ordinal);
    private int _typeDepth;

    /// <summary>How many times <see cref="TypeFor"/> cut a path at the bound: a type worked out past a cut is not the whole type.</summary>
    private int _typeCuts;

    /// <summary>
    /// An object: typed so, with properties, or made only of <c>allOf</c> parts that are objects. A part met again
    /// (a schema that includes itself) adds nothing, and some part must bring members. An explicit stack, so a long
    /// chain of parts cannot exhaust the compiler's.
    /// </summary>
    private static bool IsObject(OpenApiSchema schema)
    {
        // Nearly every schema answers at once; only one made of allOf parts needs the walk (and its allocations).
        if (schema.Type == "object" || schema.Properties.Count > 0)
        {
            return true;
        }

        if (schema.Type is not null || schema.AllOf.Count == 0)
        {
            return false;
        }

        var pending = new Stack<OpenApiSchema>();
        var seen = new HashSet<OpenApiSchema>();
        var hasMembers = false;
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next))
            {
                continue;
            }

            if (next.Type == "object" || next.Properties.Count > 0)
            {
                hasMembers = true;
                continue;
            }

            if (next.Type is not null || next.AllOf.Count == 0 || next.AllOf.Any(part => part is null))
            {
                return false;
            }

            foreach (var part in next.AllOf)
            {
                pending.Push(part);
            }
        }

        return hasMembers;
    }

    /// <summary>Reports each component whose <c>allOf</c> parts lead back to it, at the part that starts the loop.</summary>
    private void ReportSelfInclusion(string key, OpenApiSchema schema)
    {
        if (schema.AllOf.Count == 0)
        {
            return;
        }

        // Breadth first from each direct part, so the part named is the one with the shortest way back.
        var seen = new HashSet<OpenApiSchema>();
        var frontier = schema.AllOf.Select((part, index) => (Schema: part, Origin: index)).Where(e => e.Schema is not null).ToList();
        for (var level = 0; level < MaxSchemaDepth && frontier.Count > 0; level++)
        {
            var next = new List<(OpenApiSchema Schema, int Origin)>();
            foreach (var (part, origin) in frontier)
            {
                if (ReferenceEquals(part, schema))
                {
                    Report(DiagnosticDescriptors.SchemaIncludesItself, ComponentPointer(key) + "/allOf/" + origin.ToString(CultureInfo.InvariantCulture), key);
                    return;
                }

                if (seen.Add(part))
                {
                    next.AddRange(part.AllOf.Where(p => p is not null).Select(p => (p, origin)));
                }
            }

            frontier = next;
        }
    }

    /// <summary>A path cut at <see cref="MaxSchemaDepth"/>.</summary>
    private void ReportTooDeep(string pointer) =>
        ReportOnce(DiagnosticDescriptors.SchemaTooDeep, pointer, pointer, MaxSchemaDepth.ToString(CultureInfo.InvariantCulture));

    /// <summary>A schema met from every place that uses it is reported once, at its own pointer.</summary>
    private void ReportOnce(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
    {
        if (_reportedPointers.Add(descriptor.Id + " " + pointer))
        {
            Report(descriptor, pointer, arguments);
        }
    }

    /// <summary>
    /// A class's properties, its <c>allOf</c> parts' first, each once (in the place it first came) with the pointer it
    /// is reported at; <see cref="Places"/> finds a member's place by its name.
    /// </summary>
    private sealed record CollectedProperties(
        List<(string JsonName, OpenApiSchema Schema, string Pointer)> Properties,
        HashSet<string> Required,
        Dictionary<string, int> Places)
    {
        /// <summary>Members some part marks <c>readOnly</c> (the service's to give) or <c>writeOnly</c> (never answered).</summary>
        public HashSet<string> ReadOnly { get; } = new(StringComparer.Ordinal);

        public HashSet<string> WriteOnly { get; } = new(StringComparer.Ordinal);

        /// <summary>A request must carry it: listed as required and not the service's own (<c>readOnly</c>).</summary>
        public bool IsRequiredToSend(string jsonName) => Required.Contains(jsonName) && !ReadOnly.Contains(jsonName);

        /// <summary>An answer must hold it: listed as required and not one only requests carry (<c>writeOnly</c>).</summary>
        public bool IsRequiredToRead(string jsonName) => Required.Contains(jsonName) && !WriteOnly.Contains(jsonName);
    }

    /// <summary>
    /// How much a member's schema says of the value's shape, to choose between two declarations of it: nothing (a
    /// description alone), a type, a type with a format, a reference or a schema of its own members or alternatives;
    /// an array says one more than its items. A few levels of items are enough to tell declarations apart.
    /// </summary>
    private static int Specificity(OpenApiSchema? schema, int depth = 0)
    {
        if (schema is null || depth > 8)
        {
            return 0;
        }

        if (schema.Reference is not null || schema.Properties.Count > 0 || schema.AllOf.Count > 0 || schema.OneOf.Count > 0 ||
            schema.AnyOf.Count > 0 || schema.Enum.Count > 0 || schema.AdditionalProperties is not null)
        {
            return 3;
        }

        if (schema.Type == "array" || schema.Items is not null)
        {
            return 1 + Specificity(schema.Items, depth + 1);
        }

        return schema.Format is not null ? 2 : schema.Type is not null ? 1 : 0;
    }

    private CollectedProperties CollectProperties(OpenApiSchema schema, string pointer)
    {
        var collected = new CollectedProperties(
            new List<(string, OpenApiSchema, string)>(), new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));
        Collect(schema, pointer, collected, new HashSet<OpenApiSchema>(), depth: 0);
        return collected;
    }

    /// <summary>A part met twice (a diamond, or a loop <see cref="ReportSelfInclusion"/> reported) is taken once.</summary>
    private void Collect(OpenApiSchema schema, string pointer, CollectedProperties collected, HashSet<OpenApiSchema> visited, int depth)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf[i];
            var entryPointer = pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
            if (part is null)
            {
                continue;
            }

            if (depth >= MaxSchemaDepth)
            {
                ReportTooDeep(entryPointer);
                continue;
            }

            var partPointer = part.Reference is { IsExternal: false } reference && reference.Id is not null
                ? ComponentPointer(reference.Id)
                : entryPointer;
            Collect(part, partPointer, collected, visited, depth + 1);
        }

        foreach (var name in schema.Required)
        {
            collected.Required.Add(name);
        }

        foreach (var pair in schema.Properties)
        {
            // A part that narrows a member keeps what another part says of its direction.
            if (pair.Value?.ReadOnly == true)
            {
                collected.ReadOnly.Add(pair.Key);
            }

            if (pair.Value?.WriteOnly == true)
            {
                collected.WriteOnly.Add(pair.Key);
            }

            // A null member schema (`name: ~`) is kept as the list always kept it; the class builder reads it as free-form.
            (string, OpenApiSchema, string) entry = (pair.Key, pair.Value!, pointer + "/properties/" + JsonPointer.Escape(pair.Key));
            if (!collected.Places.TryGetValue(pair.Key, out var place))
            {
                collected.Places[pair.Key] = collected.Properties.Count;
                collected.Properties.Add(entry);
            }
            else if (pair.Value is not null && Specificity(pair.Value) > 0 && Specificity(pair.Value) >= Specificity(collected.Properties[place].Schema))
            {
                // A part that comes later and says as much or more narrows the member: a wrapper's `data: array of
                // object` becomes `array of Station`; one that says less (`{type: array, description: ...}`) does not.
                collected.Properties[place] = entry;
            }
        }
    }
}
