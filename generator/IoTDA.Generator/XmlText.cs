namespace IoTDA.Generator;

/// <summary>Escapes text for XML doc comments; shared by the parser's doc text and the emitter's own.</summary>
internal static class XmlText
{
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
