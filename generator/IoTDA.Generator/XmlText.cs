namespace IoTDA.Generator;

/// <summary>Escapes text for XML doc comments; shared by the parser's doc text and the emitter's own.</summary>
internal static class XmlText
{
    /// <summary>
    /// Every character C# reads as the end of a line (CR, LF, NEL, LS, PS). Inside a <c>///</c> comment any of them
    /// ends the comment, and what follows would compile as code; a lone CR in a description is enough.
    /// </summary>
    public static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>Escapes text for one line of a doc comment: markup escaped, line breaks turned into spaces.</summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        return escaped.IndexOfAny(LineBreaks) < 0 ? escaped : string.Join(" ", escaped.Split(LineBreaks));
    }
}
