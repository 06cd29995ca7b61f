using System;
using System.Collections.Generic;
using IoTDA.Runtime;

namespace IoTDA.Analyzers;

/// <summary>The analyzers' own wording on top of <see cref="ConstraintWording"/>, which the runtime's errors share.</summary>
internal static class Describe
{
    public static string Items(int count, bool exact) => (exact ? "" : "at least ") + ConstraintWording.ItemCount(count);

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
