using System;
using System.Collections.Concurrent;
using IoTDA.Runtime;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Whether <see cref="SpecPattern"/> can read a pattern, remembered: compiling a regular expression costs more than
/// the rest of a schema, and a spec repeats its patterns from schema to schema and from one edit to the next.
/// </summary>
internal static class ReadablePatterns
{
    // Bounded so that a long IDE session over many specs cannot grow it without end; past the bound it starts over.
    private const int MaxRemembered = 4096;

    private static readonly ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    public static bool IsReadable(string pattern)
    {
        if (Known.TryGetValue(pattern, out var readable))
        {
            return readable;
        }

        if (Known.Count >= MaxRemembered)
        {
            Known.Clear();
        }

        readable = SpecPattern.TryCreate(pattern, TimeSpan.FromSeconds(1)) is not null;
        Known[pattern] = readable;
        return readable;
    }
}
