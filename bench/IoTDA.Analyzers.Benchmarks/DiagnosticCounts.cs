using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// Diagnostics counted by ID, as both benchmarks check what the analyzers reported against
/// <see cref="SyntheticProject.ExpectedDiagnostics"/> before timing anything.
/// </summary>
internal static class DiagnosticCounts
{
    public static Dictionary<string, int> Count(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    public static bool Same(IReadOnlyDictionary<string, int> reported, IReadOnlyDictionary<string, int> expected) =>
        reported.Count == expected.Count && reported.All(pair => expected.TryGetValue(pair.Key, out var count) && count == pair.Value);

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0
            ? "nothing"
            : string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.ToString(CultureInfo.InvariantCulture) + " " + pair.Key));
}
