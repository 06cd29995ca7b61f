using System;

namespace IoTDA.Runtime;

internal static class PathValueRules
{
    internal static void ThrowIfInvalid(string name, string? value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The path parameter '{name}' is required.");
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"The path parameter '{name}' must not be empty or whitespace.", name);
        }

        if (value == "." || value == "..")
        {
            throw new ArgumentException(
                $"The path parameter '{name}' is '{value}', which would change the request path; expected an ID.", name);
        }

        foreach (var character in value)
        {
            if (character == '/' || character == '\\' || char.IsControl(character))
            {
                throw new ArgumentException(
                    $"The path parameter '{name}' is '{Printable(value)}', which contains '{Printable(character.ToString())}'; " +
                    "a path value may not contain '/', '\\' or control characters.",
                    name);
            }
        }
    }

    /// <summary>A value of several segments: each one a valid path value (so no empty one, and no <c>.</c> or <c>..</c>).</summary>
    internal static void ThrowIfInvalidSegments(string name, string? value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The path parameter '{name}' is required.");
        }

        foreach (var segment in value.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.IndexOf('\\') >= 0 || HasControl(segment))
            {
                throw new ArgumentException(
                    $"The path parameter '{name}' is '{Printable(value)}', which has the segment '{Printable(segment)}'; each segment between " +
                    "slashes must be non-empty, not '.' or '..', and free of '\\' and control characters.",
                    name);
            }
        }
    }

    private static bool HasControl(string text)
    {
        foreach (var character in text)
        {
            if (char.IsControl(character))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Shows control characters as escapes so an error message cannot itself inject lines.</summary>
    internal static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var character in value)
        {
            switch (character)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(character))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
