using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// The reader's complaints about a spec, as IOTDA109s a user can read: one per distinct message, at its first place,
/// counting the others (a spec that refers into its own paths can raise the same complaint thousands of times), and
/// at most <see cref="Listed"/> of them, the rest counted in a last one. Nothing is dropped without being counted.
/// </summary>
internal sealed class SpecProblems
{
    internal const int Listed = 25;

    private readonly Dictionary<string, (string? Pointer, int Count)> _byMessage = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public void Add(string? pointer, string message)
    {
        if (_byMessage.TryGetValue(message, out var seen))
        {
            _byMessage[message] = (seen.Pointer, seen.Count + 1);
            return;
        }

        _byMessage[message] = (pointer, 1);
        _order.Add(message);
    }

    public void Report(DiagnosticSink diagnostics, string fileName)
    {
        foreach (var message in _order.Take(Listed))
        {
            var (pointer, count) = _byMessage[message];
            var text = count == 1 ? message : message + " (and at " + Count(count - 1) + " more places)";
            diagnostics.Report(DiagnosticDescriptors.SpecProblem, pointer, fileName, pointer ?? "the root", text);
        }

        if (_order.Count > Listed)
        {
            var rest = _order.Skip(Listed).ToList();
            var places = rest.Sum(message => _byMessage[message].Count);
            diagnostics.Report(DiagnosticDescriptors.SpecProblem, null, fileName, "the root",
                Count(rest.Count) + " more problems, at " + Count(places) + " places, are not listed; fix the ones above and build again to see them");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
