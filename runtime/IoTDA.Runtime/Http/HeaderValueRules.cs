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
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character is (>= ' ' and <= '~') or '\t')
            {
                continue;
            }

            var codePoint = char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
                ? char.ConvertToUtf32(character, value[index + 1])
                : character;
            throw new ArgumentException(
                $"{subject} is '{PathValueRules.Printable(value)}', which contains " +
                $"U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)} at position {index}; " +
                "header values must be a single line of printable ASCII.",
                paramName);
        }
    }
}
