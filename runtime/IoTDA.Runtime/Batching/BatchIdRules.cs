using System;
using System.Globalization;
using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// What an ID must be before a batched call sends any of them. Without these checks an empty or blank ID went to the
/// service, and a lone surrogate was sent as U+FFFD: another ID than the caller's, reported back under a name the
/// caller never passed.
/// </summary>
internal static class BatchIdRules
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the array, the index and the fault.</summary>
    public static void Check(string? id, string idsName, int index)
    {
        var at = idsName + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (id is null)
        {
            throw new ArgumentException($"{at} is null; every ID must be a string.", idsName);
        }

        if (IsBlank(id))
        {
            throw new ArgumentException($"{at} is {(id.Length == 0 ? "empty" : "'" + ConstraintWording.Echo(id) + "', only whitespace")}; an ID needs a character that is not whitespace.", idsName);
        }

        if (LoneSurrogateAt(id) is { } position)
        {
            throw new ArgumentException(
                $"{at} '{Escaped(ConstraintWording.Echo(id))}' has a lone UTF-16 surrogate at position {position.ToString(CultureInfo.InvariantCulture)}; " +
                "it would be sent as U+FFFD, which names another ID.",
                idsName);
        }
    }

    private static bool IsBlank(string id)
    {
        foreach (var c in id)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int? LoneSurrogateAt(string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsHighSurrogate(id[i]) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(id[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The value with its surrogates written as <c>\uXXXX</c>, so the message itself stays valid text.</summary>
    private static string Escaped(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
