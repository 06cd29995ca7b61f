using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace IoTDA.Benchmarks.Floor;

/// <summary>
/// Plain SDK-HMAC-SHA256 signing written the direct way a careful hand-written client would: the body's SHA-256,
/// the canonical request in one pooled buffer, its SHA-256, one HMAC. It shares no code with the runtime's signer
/// on purpose, so the benchmark floor says what any correct client pays, not what ours does; FloorSignerTests hold
/// it to Huawei's published vectors and to <c>AkSkSigner</c>, so it cannot get cheaper by getting wrong.
/// </summary>
/// <remarks>
/// A hand-written client knows which headers it sends, so the signed-header list and the start of the
/// <c>Authorization</c> value are worked out once per signer rather than per request.
/// </remarks>
internal sealed class FloorSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    private const int HashLength = 32;
    private const int HexHashLength = HashLength * 2;
    private const int SdkDateLength = 16;

    private readonly string[] _headerNames;
    private readonly string _signedHeaders;
    private readonly string _authorizationPrefix;
    private readonly byte[] _secretKey;

    /// <param name="headerNames">The headers to sign: lower-case, sorted ordinally, as the canonical request lists them.</param>
    public FloorSigner(string accessKey, string secretKey, params string[] headerNames)
    {
        _headerNames = headerNames;
        _signedHeaders = string.Join(";", headerNames);
        _authorizationPrefix = Algorithm + " Access=" + accessKey + ", SignedHeaders=" + _signedHeaders + ", Signature=";
        _secretKey = Encoding.UTF8.GetBytes(secretKey);
    }

    /// <summary>Returns the <c>Authorization</c> value.</summary>
    /// <param name="path">The path, not yet percent-encoded.</param>
    /// <param name="canonicalQuery">
    /// The query already in canonical form (pairs sorted and encoded), empty when there is none. The floor's request
    /// has no query, so it pays nothing for putting one in order.
    /// </param>
    /// <param name="headerValues">The values of the signed headers, in the order of the names given to the constructor.</param>
    /// <param name="sdkDate">The <c>X-Sdk-Date</c> value, which is also among the signed headers.</param>
    public string Sign(
        string method, string path, string canonicalQuery, ReadOnlySpan<string> headerValues, ReadOnlySpan<byte> body, string sdkDate)
    {
        if (headerValues.Length != _headerNames.Length)
        {
            throw new ArgumentException($"Expected {_headerNames.Length} header values, got {headerValues.Length}.", nameof(headerValues));
        }

        if (sdkDate.Length != SdkDateLength)
        {
            throw new ArgumentException($"'{sdkDate}' is not an X-Sdk-Date (yyyyMMdd'T'HHmmss'Z').", nameof(sdkDate));
        }

        Span<byte> hash = stackalloc byte[HashLength];
        var buffer = ArrayPool<byte>.Shared.Rent(MaxCanonicalRequestLength(method, path, canonicalQuery, headerValues));
        try
        {
            var length = WriteCanonicalRequest(buffer, method, path, canonicalQuery, headerValues, body);
            SHA256.HashData(buffer.AsSpan(0, length), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // SDK-HMAC-SHA256 \n date \n hex(hash): all ASCII, so one byte per character.
        Span<byte> stringToSign = stackalloc byte[Algorithm.Length + 1 + SdkDateLength + 1 + HexHashLength];
        var position = WriteUtf8(stringToSign, 0, Algorithm);
        stringToSign[position++] = (byte)'\n';
        position = WriteUtf8(stringToSign, position, sdkDate);
        stringToSign[position++] = (byte)'\n';
        WriteHex(stringToSign, position, hash);

        Span<byte> signature = stackalloc byte[HashLength];
        HMACSHA256.HashData(_secretKey, stringToSign, signature);

        Span<char> authorization = stackalloc char[_authorizationPrefix.Length + HexHashLength];
        _authorizationPrefix.CopyTo(authorization);
        Convert.TryToHexStringLower(signature, authorization[_authorizationPrefix.Length..], out _);
        return new string(authorization);
    }

    private int WriteCanonicalRequest(
        byte[] buffer, string method, string path, string canonicalQuery, ReadOnlySpan<string> headerValues, ReadOnlySpan<byte> body)
    {
        var span = buffer.AsSpan();
        var position = WriteUtf8(span, 0, method.ToUpperInvariant());
        span[position++] = (byte)'\n';
        position = WriteCanonicalPath(span, position, path);
        span[position++] = (byte)'\n';
        position = WriteUtf8(span, position, canonicalQuery);
        span[position++] = (byte)'\n';
        for (var index = 0; index < _headerNames.Length; index++)
        {
            position = WriteUtf8(span, position, _headerNames[index]);
            span[position++] = (byte)':';
            position = WriteUtf8(span, position, headerValues[index].AsSpan().Trim());
            span[position++] = (byte)'\n';
        }

        span[position++] = (byte)'\n';
        position = WriteUtf8(span, position, _signedHeaders);
        span[position++] = (byte)'\n';

        Span<byte> bodyHash = stackalloc byte[HashLength];
        SHA256.HashData(body, bodyHash);
        return WriteHex(span, position, bodyHash);
    }

    /// <summary>
    /// Each segment's UTF-8 bytes percent-encoded except the unreserved ones, and a trailing '/' as the gateway
    /// expects. Bytes of a multi-byte character are never ASCII, so encoding byte by byte is safe.
    /// </summary>
    private static int WriteCanonicalPath(Span<byte> destination, int position, string path)
    {
        var start = position + (2 * Encoding.UTF8.GetMaxByteCount(path.Length));
        var raw = destination[start..];
        var rawLength = Encoding.UTF8.GetBytes(path, raw);
        for (var index = 0; index < rawLength; index++)
        {
            var value = raw[index];
            if (value == '/' || IsUnreserved(value))
            {
                destination[position++] = value;
            }
            else
            {
                destination[position++] = (byte)'%';
                destination[position++] = "0123456789ABCDEF"u8[value >> 4];
                destination[position++] = "0123456789ABCDEF"u8[value & 0xF];
            }
        }

        if (position == 0 || destination[position - 1] != '/')
        {
            destination[position++] = (byte)'/';
        }

        return position;
    }

    private static bool IsUnreserved(byte value) =>
        value is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>
    /// An upper bound, so one rented buffer always fits: the path may triple when encoded and needs its raw UTF-8
    /// copy beside it; everything else is at most three bytes a character.
    /// </summary>
    private int MaxCanonicalRequestLength(string method, string path, string canonicalQuery, ReadOnlySpan<string> headerValues)
    {
        var characters = method.Length + canonicalQuery.Length + _signedHeaders.Length;
        for (var index = 0; index < headerValues.Length; index++)
        {
            characters += _headerNames[index].Length + headerValues[index].Length + 2;
        }

        return (3 * characters) + (4 * Encoding.UTF8.GetMaxByteCount(path.Length)) + HexHashLength + 8;
    }

    private static int WriteUtf8(Span<byte> destination, int position, ReadOnlySpan<char> text) =>
        position + Encoding.UTF8.GetBytes(text, destination[position..]);

    private static int WriteHex(Span<byte> destination, int position, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            destination[position++] = "0123456789abcdef"u8[value >> 4];
            destination[position++] = "0123456789abcdef"u8[value & 0xF];
        }

        return position;
    }
}
