using System;
using System.Collections.Generic;
using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// Writes Huawei's canonical request as UTF-8: method, canonical path, canonical query, the signed header block,
/// the SignedHeaders list and the body's SHA-256 (or <c>UNSIGNED-PAYLOAD</c>), joined with line feeds
/// (docs/signing.md, section 3, has each rule).
/// </summary>
internal static class CanonicalRequest
{
#if NET
    private static readonly System.Buffers.SearchValues<char> PathCharactersKept =
        System.Buffers.SearchValues.Create("/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

#endif
    /// <summary>Writes the canonical request; <paramref name="unsignedPayload"/> puts <c>UNSIGNED-PAYLOAD</c> where the body's hash goes, and the hash is then not read.</summary>
    internal static void Write(
        ref Utf8Builder builder,
        string method,
        ReadOnlySpan<char> pathAndQuery,
        ReadOnlySpan<SignedHeader> sortedHeaders,
        ReadOnlySpan<byte> bodySha256,
        bool unsignedPayload)
    {
        var questionMark = pathAndQuery.IndexOf('?');
        var pathLength = questionMark < 0 ? pathAndQuery.Length : questionMark;
        builder.AppendUpperAscii(method);
        builder.Append((byte)'\n');
        WritePath(ref builder, pathAndQuery, pathLength);
        builder.Append((byte)'\n');
        if (questionMark >= 0 && questionMark < pathAndQuery.Length - 1)
        {
            WriteQuery(ref builder, pathAndQuery.Slice(questionMark + 1).ToString());
        }

        builder.Append((byte)'\n');
        foreach (var header in sortedHeaders)
        {
            builder.AppendLowerAscii(header.Name);
            builder.Append((byte)':');
            builder.AppendUtf8(header.Value.AsSpan().Trim());
            builder.Append((byte)'\n');
        }

        builder.Append((byte)'\n');
        WriteSignedHeaders(ref builder, sortedHeaders);
        builder.Append((byte)'\n');
        if (unsignedPayload)
        {
            builder.AppendUtf8(UnsignedPayload.Value);
        }
        else
        {
            builder.AppendLowerHex(bodySha256);
        }
    }

    internal static void WriteSignedHeaders(ref Utf8Builder builder, ReadOnlySpan<SignedHeader> sortedHeaders)
    {
        for (var i = 0; i < sortedHeaders.Length; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)';');
            }

            builder.AppendLowerAscii(sortedHeaders[i].Name);
        }
    }

    /// <summary>
    /// Unescapes the path (the first <paramref name="pathLength"/> characters of <paramref name="escapedPath"/>) and
    /// encodes it again byte by byte; <c>/</c> separates segments.
    /// </summary>
    private static void WritePath(ref Utf8Builder builder, ReadOnlySpan<char> escapedPath, int pathLength)
    {
        var start = builder.Length;
        Span<byte> scalar = stackalloc byte[4];
        var index = 0;
        while (index < pathLength)
        {
#if NET
            // Paths are mostly characters that stay as they are: copy each run of them in one go.
            var run = escapedPath.Slice(index, pathLength - index).IndexOfAnyExcept(PathCharactersKept);
            var runLength = run < 0 ? pathLength - index : run;
            if (runLength > 0)
            {
                builder.AppendUtf8(escapedPath.Slice(index, runLength));
                index += runLength;
                continue;
            }
#endif
            var character = escapedPath[index];
            if (character == '/' || (character < 0x80 && PercentEncoding.IsUnreserved(character)))
            {
                builder.Append((byte)character);
                index++;
                continue;
            }

            if (TryReadEscapedByte(escapedPath, index, out var escaped))
            {
                index += 3;
                AppendPathByte(ref builder, escaped);
                continue;
            }

            var count = Utf8Scalar.Encode(escapedPath, ref index, scalar);
            for (var i = 0; i < count; i++)
            {
                AppendPathByte(ref builder, scalar[i]);
            }
        }

        if (builder.Length == start || builder[builder.Length - 1] != '/')
        {
            builder.Append((byte)'/');
        }
    }

    private static void AppendPathByte(ref Utf8Builder builder, byte value)
    {
        if (value == '/')
        {
            builder.Append(value);
        }
        else
        {
            builder.AppendPercentEncoded(value);
        }
    }

    private static void WriteQuery(ref Utf8Builder builder, string escapedQuery)
    {
        var pairs = ParseQuery(escapedQuery);
        pairs.Sort(static (x, y) =>
        {
            var byKey = string.CompareOrdinal(x.Key, y.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(x.Value, y.Value);
        });

        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)'&');
            }

            builder.AppendPercentEncoded(pairs[i].Key);
            builder.Append((byte)'=');
            builder.AppendPercentEncoded(pairs[i].Value);
        }
    }

    /// <summary>
    /// Splits the query (without its leading <c>?</c> separator; a further <c>?</c> is data) on <c>&amp;</c> and the
    /// first <c>=</c> and percent-decodes. <c>+</c> is kept as a literal plus: the
    /// client encodes spaces as <c>%20</c>, so a <c>+</c> on the wire means a plus.
    /// </summary>
    internal static List<KeyValuePair<string, string>> ParseQuery(string escapedQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var piece in escapedQuery.Split('&'))
        {
            if (piece.Length == 0)
            {
                continue;
            }

            var equals = piece.IndexOf('=');
            var key = equals < 0 ? piece : piece.Substring(0, equals);
            var value = equals < 0 ? string.Empty : piece.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(PercentDecode(key), PercentDecode(value)));
        }

        return pairs;
    }

    internal static string PercentDecode(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        Span<byte> scalar = stackalloc byte[4];
        var index = 0;
        while (index < value.Length)
        {
            if (TryReadEscapedByte(value, index, out var escaped))
            {
                bytes.Add(escaped);
                index += 3;
                continue;
            }

            var count = Utf8Scalar.Encode(value, ref index, scalar);
            for (var i = 0; i < count; i++)
            {
                bytes.Add(scalar[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool TryReadEscapedByte(ReadOnlySpan<char> text, int index, out byte value)
    {
        value = 0;
        if (text[index] != '%' || index + 2 >= text.Length)
        {
            return false;
        }

        var high = HexValue(text[index + 1]);
        var low = HexValue(text[index + 2]);
        if (high < 0 || low < 0)
        {
            return false;
        }

        value = (byte)((high << 4) | low);
        return true;
    }

    private static int HexValue(char value) =>
        value >= '0' && value <= '9' ? value - '0'
        : value >= 'a' && value <= 'f' ? value - 'a' + 10
        : value >= 'A' && value <= 'F' ? value - 'A' + 10
        : -1;
}
