using System;

namespace IoTDA.Runtime;

/// <summary>
/// Encodes one Unicode scalar at a time without allocating (netstandard2.0 has no span overloads on
/// <see cref="System.Text.Encoding"/>). A lone surrogate becomes U+FFFD, as <see cref="System.Text.Encoding.UTF8"/> does.
/// </summary>
internal static class Utf8Scalar
{
    internal static int Encode(ReadOnlySpan<char> text, ref int index, Span<byte> destination)
    {
        int codePoint = text[index++];
        if (codePoint < 0x80)
        {
            destination[0] = (byte)codePoint;
            return 1;
        }

        if (char.IsHighSurrogate((char)codePoint) && index < text.Length && char.IsLowSurrogate(text[index]))
        {
            codePoint = char.ConvertToUtf32((char)codePoint, text[index++]);
        }
        else if (char.IsSurrogate((char)codePoint))
        {
            codePoint = 0xFFFD;
        }

        if (codePoint < 0x800)
        {
            destination[0] = (byte)(0xC0 | (codePoint >> 6));
            destination[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }

        if (codePoint < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (codePoint >> 12));
            destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (codePoint >> 18));
        destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }
}
