using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// How a value and a limit are worded in messages. The runtime's validation errors and the analyzers' diagnostics
/// say the same thing the same way: the analyzers compile this very file (linked), since they cannot reference the
/// runtime.
/// </summary>
internal static class ConstraintWording
{
    private const int MaxEchoedLength = 64;

    public static string ItemCount(int count) => count == 1 ? "1 item" : count.ToString(CultureInfo.InvariantCulture) + " items";

    /// <summary>The value as the message repeats it: cut after 64 characters, so a huge value cannot flood a log.</summary>
    public static string Echo(string value) =>
        value.Length <= MaxEchoedLength ? value : value.Substring(0, MaxEchoedLength) + "...";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"at least 1 and at most 50", "more than 0", ...; a null bound is no bound.</summary>
    public static string Range(double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
    {
        var parts = new StringBuilder();
        if (minimum is { } min)
        {
            parts.Append(exclusiveMinimum ? "more than " : "at least ").Append(Number(min));
        }

        if (maximum is { } max)
        {
            parts.Append(parts.Length > 0 ? " and " : "").Append(exclusiveMaximum ? "less than " : "at most ").Append(Number(max));
        }

        return parts.Length == 0 ? "any number" : parts.ToString();
    }

    /// <summary>"device, product or app".</summary>
    public static string Alternatives(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return "no value at all";
        }

        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == values.Count - 1 ? " or " : ", ");
            }

            builder.Append(values[i].Length == 0 ? "''" : values[i]);
        }

        return builder.ToString();
    }

    /// <summary>The length JSON Schema uses: Unicode code points, so a surrogate pair counts once.</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
