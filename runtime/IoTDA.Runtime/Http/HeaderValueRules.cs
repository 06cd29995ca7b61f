using System;
using System.Globalization;

namespace IoTDA.Runtime;

internal static class HeaderValueRules
{
    /// <summary>
    /// Header values must be one line of printable ASCII (tab allowed): HttpClient refuses anything else only when it
    /// writes the request, which the retry policy would take for a connection failure and try again. The subject
    /// says what the value is ("The header 'Instance-Id'", "IoTDAClientOptions.InstanceId").
    /// </summary>
    internal static void ThrowIfInvalid(string subject, string paramName, string value)
    {
        if (FirstInvalid(value) is { } index)
        {
            throw new ArgumentException($"{subject} is '{PathValueRules.Printable(value)}', which {Describe(value, index)}", paramName);
        }
    }

    /// <summary>As <see cref="ThrowIfInvalid"/> for a secret (an API key, a token, a password): the message never holds the value.</summary>
    internal static void ThrowIfInvalidSecret(string subject, string paramName, string value)
    {
        if (FirstInvalid(value) is { } index)
        {
            throw new ArgumentException($"{subject} cannot be sent: it {Describe(value, index)}", paramName);
        }
    }

    private static int? FirstInvalid(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] is not ((>= ' ' and <= '~') or '\t'))
            {
                return index;
            }
        }

        return null;
    }

    private static string Describe(string value, int index) =>
        $"contains {CodePointAt(value, index)} at position {index}; header values must be a single line of printable ASCII.";

    /// <summary>
    /// The character at <paramref name="index"/> as a message names one it refuses, <c>U+000A</c>: the whole code
    /// point when a surrogate pair starts there, so an emoji reads as <c>U+1F600</c>, not as half of one.
    /// </summary>
    internal static string CodePointAt(string value, int index)
    {
        var character = value[index];
        var codePoint = char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            ? char.ConvertToUtf32(character, value[index + 1])
            : character;
        return "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
    }
}
