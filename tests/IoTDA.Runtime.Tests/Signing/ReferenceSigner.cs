using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>One request as the reference signer sees it: everything stated explicitly, nothing inferred.</summary>
internal sealed class ReferenceRequest
{
    /// <param name="method">The HTTP method in any case.</param>
    /// <param name="pathAndQuery">The path and query as sent on the wire, still percent-escaped.</param>
    /// <param name="headers">Every header as (name, value); a name may appear several times.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="signedHeaders">The names to sign, or null for the official SDKs' default rule.</param>
    /// <param name="unsignedPayload">The body is not hashed: the canonical request ends with UNSIGNED-PAYLOAD.</param>
    public ReferenceRequest(
        string method,
        string pathAndQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        byte[] body,
        IReadOnlyList<string>? signedHeaders = null,
        bool unsignedPayload = false)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Body = body;
        SignedHeaders = signedHeaders;
        UnsignedPayload = unsignedPayload;
    }

    public string Method { get; }

    public string PathAndQuery { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public IReadOnlyList<string>? SignedHeaders { get; }

    public bool UnsignedPayload { get; }
}

/// <summary>
/// An independent, deliberately plain reference implementation of Huawei Cloud AK/SK signing, written from the
/// algorithm's published description only (no code shared with, or called from, the runtime; docs/signing.md sums
/// the algorithm up). It favours readability over speed: strings in, strings out, one step per rule of the description.
/// </summary>
internal static class ReferenceSigner
{
    public const string BasicAlgorithm = "SDK-HMAC-SHA256";
    public const string DerivedAlgorithm = "V11-HMAC-SHA256";

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    /// <summary>
    /// The canonical request: method, path, query, header block, SignedHeaders and body hash (or, for a body that is
    /// not signed, the literal UNSIGNED-PAYLOAD), by line.
    /// </summary>
    public static string CanonicalRequest(ReferenceRequest request)
    {
        var questionMark = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? request.PathAndQuery : request.PathAndQuery.Substring(0, questionMark);
        var query = questionMark < 0 ? string.Empty : request.PathAndQuery.Substring(questionMark + 1);

        var names = SignedHeaderNames(request);
        var headerBlock = new StringBuilder();
        foreach (var name in names)
        {
            headerBlock.Append(name).Append(':').Append(HeaderValue(request.Headers, name).Trim()).Append('\n');
        }

        return string.Join(
            "\n",
            request.Method.ToUpperInvariant(),
            CanonicalPath(path),
            CanonicalQuery(query),
            headerBlock.ToString(),
            string.Join(";", names),
            request.UnsignedPayload ? "UNSIGNED-PAYLOAD" : Hex(SHA256.HashData(request.Body)));
    }

    /// <summary>The SignedHeaders string: sorted lower-case names joined with ';'.</summary>
    public static string SignedHeadersText(ReferenceRequest request) => string.Join(";", SignedHeaderNames(request));

    /// <summary>The Authorization value of plain (SDK-HMAC-SHA256) signing.</summary>
    public static string SignBasic(ReferenceRequest request, string accessKey, string secretKey)
    {
        var sdkDate = HeaderValue(request.Headers, "x-sdk-date");
        var stringToSign = BasicAlgorithm + "\n" + sdkDate + "\n" + Sha256Hex(CanonicalRequest(request));
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return BasicAlgorithm + " Access=" + accessKey + ", SignedHeaders=" + SignedHeadersText(request) +
               ", Signature=" + signature;
    }

    /// <summary>The Authorization value of derived (V11-HMAC-SHA256) signing.</summary>
    public static string SignDerived(ReferenceRequest request, string accessKey, string secretKey, string region, string service)
    {
        var sdkDate = HeaderValue(request.Headers, "x-sdk-date");
        var info = Info(sdkDate, region, service);
        var keyHex = DerivedKeyHex(accessKey, secretKey, sdkDate, region, service);
        var stringToSign = DerivedAlgorithm + "\n" + sdkDate + "\n" + info + "\n" + Sha256Hex(CanonicalRequest(request));
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(keyHex), Encoding.UTF8.GetBytes(stringToSign)));
        return DerivedAlgorithm + " Credential=" + accessKey + "/" + info + ", SignedHeaders=" + SignedHeadersText(request) +
               ", Signature=" + signature;
    }

    /// <summary>HKDF-SHA256(IKM = SK, salt = AK, info), 32 bytes, as 64 lower-case hex characters.</summary>
    public static string DerivedKeyHex(string accessKey, string secretKey, string sdkDate, string region, string service)
    {
        var key = HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            Encoding.UTF8.GetBytes(secretKey),
            32,
            Encoding.UTF8.GetBytes(accessKey),
            Encoding.UTF8.GetBytes(Info(sdkDate, region, service)));
        return Hex(key);
    }

    /// <summary>Unescape, split on '/', encode each segment, join with '/', add a trailing '/' if missing.</summary>
    public static string CanonicalPath(string escapedPath)
    {
        var bytes = PercentDecode(escapedPath);
        var segments = new List<List<byte>> { new List<byte>() };
        foreach (var value in bytes)
        {
            if (value == (byte)'/')
            {
                segments.Add(new List<byte>());
            }
            else
            {
                segments[segments.Count - 1].Add(value);
            }
        }

        var encoded = new List<string>();
        foreach (var segment in segments)
        {
            encoded.Add(Encode(segment));
        }

        var path = string.Join("/", encoded);
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>Split on '&amp;' and the first '=', decode, sort by key then value (ordinal UTF-16), encode.</summary>
    public static string CanonicalQuery(string escapedQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var piece in escapedQuery.Split('&'))
        {
            if (piece.Length == 0)
            {
                continue;
            }

            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? piece : piece.Substring(0, equals);
            var value = equals < 0 ? string.Empty : piece.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(DecodeText(key), DecodeText(value)));
        }

        pairs.Sort((x, y) =>
        {
            var byKey = string.CompareOrdinal(x.Key, y.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(x.Value, y.Value);
        });

        var encoded = new List<string>();
        foreach (var pair in pairs)
        {
            encoded.Add(Encode(Encoding.UTF8.GetBytes(pair.Key)) + "=" + Encode(Encoding.UTF8.GetBytes(pair.Value)));
        }

        return string.Join("&", encoded);
    }

    /// <summary>Keep A-Z a-z 0-9 - _ . ~, write every other byte as %XX with upper-case hex.</summary>
    public static string Encode(IEnumerable<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var value in bytes)
        {
            if (value < 0x80 && Unreserved.Contains((char)value, StringComparison.Ordinal))
            {
                text.Append((char)value);
            }
            else
            {
                text.Append('%').Append(value.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>'%XX' gives byte XX; any other character gives its UTF-8 bytes ('+' stays a plus).</summary>
    public static byte[] PercentDecode(string escaped)
    {
        var bytes = new List<byte>();
        var index = 0;
        while (index < escaped.Length)
        {
            if (escaped[index] == '%' && index + 2 < escaped.Length &&
                Uri.IsHexDigit(escaped[index + 1]) && Uri.IsHexDigit(escaped[index + 2]))
            {
                bytes.Add(byte.Parse(escaped.AsSpan(index + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                index += 3;
                continue;
            }

            var length = char.IsHighSurrogate(escaped[index]) && index + 1 < escaped.Length &&
                         char.IsLowSurrogate(escaped[index + 1]) ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(escaped.Substring(index, length)));
            index += length;
        }

        return bytes.ToArray();
    }

    private static string DecodeText(string escaped) => Encoding.UTF8.GetString(PercentDecode(escaped));

    /// <summary>Explicit names lower-cased, or the default rule (no content-type, no '_'); sorted ordinally.</summary>
    private static List<string> SignedHeaderNames(ReferenceRequest request)
    {
        var names = new List<string>();
        if (request.SignedHeaders is not null)
        {
            foreach (var name in request.SignedHeaders)
            {
                names.Add(name.ToLowerInvariant());
            }
        }
        else
        {
            foreach (var header in request.Headers)
            {
                var name = header.Key.ToLowerInvariant();
                if (name != "content-type" && !name.Contains('_', StringComparison.Ordinal) && !names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        names.Sort(string.CompareOrdinal);
        return names;
    }

    /// <summary>A header given several times is one header whose values are joined with ',' in order.</summary>
    private static string HeaderValue(IReadOnlyList<KeyValuePair<string, string>> headers, string lowerCaseName)
    {
        var values = new List<string>();
        foreach (var header in headers)
        {
            if (header.Key.ToLowerInvariant() == lowerCaseName)
            {
                values.Add(header.Value);
            }
        }

        if (values.Count == 0)
        {
            throw new ArgumentException($"The reference request has no '{lowerCaseName}' header.", nameof(headers));
        }

        return string.Join(",", values);
    }

    private static string Info(string sdkDate, string region, string service) =>
        sdkDate.Substring(0, 8) + "/" + region + "/" + service;

    private static string Sha256Hex(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
