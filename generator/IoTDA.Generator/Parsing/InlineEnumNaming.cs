using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Parsing;

/// <summary>One enum written in place, in the order the build meets it.</summary>
internal sealed record InlineEnumOccurrence(string BaseName, string Owner, EquatableArray<string> Values, string? Description, string Pointer)
{
    /// <summary>An integer enum's members (named from the spec or the numbers); null for a string enum.</summary>
    public EquatableArray<EnumMemberModel>? IntegerMembers { get; init; }

    /// <summary>What makes two occurrences one type: the values, and for numbers the names the spec gave them.</summary>
    public (EquatableArray<string> Values, EquatableArray<EnumMemberModel>? IntegerMembers) Shape => (Values, IntegerMembers);
}

/// <summary>
/// The inline enums' final names, by the order the build meets them, the enums they become, the names to keep free
/// for them, and what naming them reported.
/// </summary>
internal sealed record InlineEnumPlan(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> ReservedNames,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether every enum keeps the name a survey gave it (its member's), in the order they were met.</summary>
    public bool KeepsNames(IReadOnlyList<InlineEnumOccurrence> occurrences)
    {
        for (var i = 0; i < occurrences.Count; i++)
        {
            if (!string.Equals(Names[i], occurrences[i].BaseName, System.StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Names the enums written in place once every schema has its name.</summary>
internal static class InlineEnumNaming
{
    /// <summary>
    /// Identical inline enums of one name share a type named after the property; when enums of one name differ, each
    /// takes its owner's name as a prefix, as does one whose name a schema already took.
    /// </summary>
    /// <param name="typeNames">The names the schemas claimed; the enums claim theirs after them.</param>
    public static InlineEnumPlan Plan(IReadOnlyList<InlineEnumOccurrence> occurrences, NameScope typeNames, DiagnosticSink diagnostics)
    {
        var names = new string[occurrences.Count];
        var enums = new List<EnumModel>();
        var named = new Dictionary<string, (string Name, (EquatableArray<string>, EquatableArray<EnumMemberModel>?) Shape)>(StringComparer.Ordinal);
        foreach (var group in occurrences.Select((occurrence, index) => (occurrence, index)).GroupBy(e => e.occurrence.BaseName, StringComparer.Ordinal))
        {
            var shared = group.Select(e => e.occurrence.Shape).Distinct().Count() == 1;
            foreach (var (inline, index) in group)
            {
                var wanted = shared ? inline.BaseName : inline.Owner + inline.BaseName;
                if (named.TryGetValue(wanted, out var existing) && existing.Shape == inline.Shape)
                {
                    names[index] = existing.Name;
                    continue;
                }

                var specName = shared && typeNames.IsTaken(wanted) ? inline.Owner + inline.BaseName : wanted;
                var candidate = ModelBuilder.WantedTypeName(specName, isEnum: true);
                var claimed = typeNames.Claim(candidate);
                if (claimed != candidate)
                {
                    diagnostics.Report(Diagnostics.DiagnosticDescriptors.NameCollision, inline.Pointer, specName, candidate, claimed);
                }

                named[wanted] = (claimed, inline.Shape);
                names[index] = claimed;
                enums.Add(new EnumModel(
                    claimed,
                    inline.Description ?? "The values of " + XmlText.Escape(claimed) + ".",
                    inline.IntegerMembers ?? ModelBuilder.EnumMembers(claimed, inline.Values, inline.Pointer, diagnostics))
                {
                    IsInteger = inline.IntegerMembers is not null,
                });
            }
        }

        return new InlineEnumPlan(names, enums.Select(e => e.Name).ToArray(), enums, diagnostics.Diagnostics);
    }
}
