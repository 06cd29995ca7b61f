namespace IoTDA.Generator.Parsing;

/// <summary>JSON pointers (RFC 6901), the way every diagnostic names the spec node it is about.</summary>
internal static class JsonPointer
{
    /// <summary>A key as one pointer segment: <c>~</c> and <c>/</c> escaped.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>One pointer segment back to its key.</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
