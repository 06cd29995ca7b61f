using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IoTDA.Analyzers;

/// <summary>The wording of the messages, kept the same as IoTDA.Runtime's validation errors.</summary>
internal static class Describe
{
    private const int MaxEchoedLength = 64;

    public static string Items(int count, bool exact) =>
        (exact ? "" : "at least ") + (count == 1 ? "1 item" : count.ToString(CultureInfo.InvariantCulture) + " items");

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Echo(string value) =>
        value.Length <= MaxEchoedLength ? value : value.Substring(0, MaxEchoedLength) + "...";

    public static string Range(RangeRule rule)
    {
        var parts = new StringBuilder();
        if (!double.IsNegativeInfinity(rule.Minimum))
        {
            parts.Append(rule.MinimumIsExclusive ? "more than " : "at least ").Append(Number(rule.Minimum));
        }

        if (!double.IsPositiveInfinity(rule.Maximum))
        {
            parts.Append(parts.Length > 0 ? " and " : "").Append(rule.MaximumIsExclusive ? "less than " : "at most ").Append(Number(rule.Maximum));
        }

        return parts.Length == 0 ? "any number" : parts.ToString();
    }

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

    /// <summary>
    /// The allowed value the user most likely meant: the nearest by edit distance, ignoring case and surrounding
    /// whitespace, when it is within half the candidate's length; null when none is that near.
    /// </summary>
    public static string? Closest(string value, IReadOnlyList<string> allowed)
    {
        const int MaxComparedLength = 256;
        var normalized = value.Trim().ToLowerInvariant();
        if (normalized.Length > MaxComparedLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            if (candidate.Length > MaxComparedLength)
            {
                continue;
            }

            var distance = EditDistance(normalized, candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= Math.Max(1, candidate.Length / 2))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
