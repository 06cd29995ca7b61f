using System;
using System.Text.RegularExpressions;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// XML documentation text for the model: a spec's prose escaped and normalised, and the generator's own wording where
/// the spec says nothing. The emitter prints these as they are.
/// </summary>
internal static class Docs
{
    private static readonly Regex SpaceRun = new(@"(?<=\S)[ \t]{2,}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The spec's text as doc text, or null when it has none.</summary>
    public static string? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Whitespace a reader of the spec cannot see must not change the model: a block scalar keeps the spaces that
        // end its lines (a folded one joins them into the text), so runs of spaces after a word become one.
        var lines = text!.Replace("\r\n", "\n").Trim().Split(XmlText.LineBreaks);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = XmlText.Escape(SpaceRun.Replace(lines[i].TrimEnd(), " "));
        }

        return string.Join("\n", lines);
    }

    /// <summary>A name or value shown as code.</summary>
    public static string Code(string text) => "<c>" + XmlText.Escape(text) + "</c>";
}
