using System;

namespace IoTDA.Runtime;

/// <summary>
/// RFC 3986 percent-encoding as Huawei's canonical request uses it: <c>A-Z a-z 0-9 - _ . ~</c> stay, every other
/// UTF-8 byte becomes <c>%XX</c> in upper-case hex. Encoding request values the same way means the bytes on the
/// wire are already canonical.
/// </summary>
internal static class PercentEncoding
{
    internal const string HexDigits = "0123456789ABCDEF";

#if NET
    internal static readonly System.Buffers.SearchValues<char> UnreservedCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");
#endif

    internal static bool IsUnreserved(int value) =>
        (value >= 'A' && value <= 'Z') || (value >= 'a' && value <= 'z') || (value >= '0' && value <= '9') ||
        value == '-' || value == '_' || value == '.' || value == '~';

    internal static void AppendEncoded(ref CharBuilder builder, string value)
    {
        Span<byte> scalar = stackalloc byte[4];
        var index = 0;
        while (index < value.Length)
        {
#if NET
            // IDs are unreserved characters from end to end: copy each run of them in one go.
            var run = value.AsSpan(index).IndexOfAnyExcept(UnreservedCharacters);
            var runLength = run < 0 ? value.Length - index : run;
            if (runLength > 0)
            {
                builder.Append(value.AsSpan(index, runLength));
                index += runLength;
                continue;
            }
#endif
            var count = Utf8Scalar.Encode(value, ref index, scalar);
            for (var i = 0; i < count; i++)
            {
                var b = scalar[i];
                if (IsUnreserved(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%');
                    builder.Append(HexDigits[b >> 4]);
                    builder.Append(HexDigits[b & 0xF]);
                }
            }
        }
    }
}
