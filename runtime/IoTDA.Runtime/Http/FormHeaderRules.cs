using System;

namespace IoTDA.Runtime;

/// <summary>
/// What may go into the header lines of a multipart/form-data part. A part's name and file name are written as UTF-8
/// between quotes in its Content-Disposition, as browsers write them (RFC 7578, section 4.2). Receivers disagree about
/// escapes inside those quotes (browsers percent-encode a quote, some parsers read a backslash as an escape), so the
/// characters that would need one are refused rather than escaped: every receiver then reads the same name.
/// </summary>
internal static class FormHeaderRules
{
    /// <summary>Rejects an empty value and one with a control character, <c>"</c> or <c>\</c>; any other Unicode text is kept.</summary>
    /// <param name="subject">What the value is, for the message: "The form field name", "The file name".</param>
    /// <param name="paramName">The parameter the exception names.</param>
    /// <param name="value">The name to check.</param>
    internal static void ThrowIfInvalidQuoted(string subject, string paramName, string? value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{subject} is required.");
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"{subject} must not be empty or whitespace.", paramName);
        }

        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (char.IsControl(character) || character is '"' or '\\')
            {
                throw new ArgumentException(
                    $"{subject} is '{PathValueRules.Printable(value)}', which contains {Describe(value, index)} at position {index}; " +
                    "it is written between quotes in the part's Content-Disposition header, so it may not contain control characters, '\"' or '\\'.",
                    paramName);
            }
        }
    }

    /// <summary>A media type such as <c>image/png</c> or <c>text/csv; charset=utf-8</c>: one line of printable ASCII without quotes.</summary>
    internal static void ThrowIfInvalidContentType(string paramName, string value)
    {
        if (value.Trim().Length == 0)
        {
            throw new ArgumentException("The content type must not be empty or whitespace; pass null for application/octet-stream.", paramName);
        }

        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character is < ' ' or > '~' or '"' or '\\')
            {
                throw new ArgumentException(
                    $"The content type is '{PathValueRules.Printable(value)}', which contains {Describe(value, index)} at position {index}; " +
                    "expected a media type in printable ASCII without quotes or backslashes, such as 'text/csv; charset=utf-8'.",
                    paramName);
            }
        }

        var slash = value.IndexOf('/');
        var end = value.IndexOf(';');
        if (slash <= 0 || slash == (end < 0 ? value.Length : end) - 1 || (end >= 0 && slash > end))
        {
            throw new ArgumentException(
                $"The content type is '{value}', which is not of the form type/subtype (for example 'image/png').", paramName);
        }
    }

    private static string Describe(string value, int index) =>
        char.IsControl(value[index]) || value[index] > '~' ? HeaderValueRules.CodePointAt(value, index) : "'" + value[index] + "'";
}
