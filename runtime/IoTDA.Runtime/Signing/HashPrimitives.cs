using System;
using System.Security.Cryptography;

namespace IoTDA.Runtime;

/// <summary>
/// SHA-256 and HKDF-SHA256 over spans (HMAC lives with its key, in <see cref="SigningKey"/>). On .NET 8 these are the allocation-free one-shot APIs; on
/// netstandard2.0 they fall back to the classic objects, and HKDF (absent there) follows RFC 5869 over HMAC.
/// </summary>
internal static class HashPrimitives
{
    internal const int Sha256Length = 32;

#if NET
    // One reusable hash per thread: the one-shot API creates and frees a native digest context per call, which costs
    // more than hashing a request's few hundred bytes.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;
#endif

    internal static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination)
    {
#if NET
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(data);
        sha256.GetHashAndReset(destination);
#else
        using var sha = SHA256.Create();
        sha.ComputeHash(data.ToArray()).CopyTo(destination);
#endif
    }

    /// <summary>HKDF-SHA256 (RFC 5869): extract with <paramref name="salt"/>, expand with <paramref name="info"/>.</summary>
    internal static void HkdfSha256(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
#if NET
        HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, output, salt, info);
#else
        if (output.Length > 255 * Sha256Length)
        {
            throw new ArgumentOutOfRangeException(nameof(output), "HKDF-SHA256 yields at most 8160 bytes.");
        }

        Span<byte> pseudoRandomKey = stackalloc byte[Sha256Length];
        HmacSha256(salt.Length == 0 ? new byte[Sha256Length] : salt, inputKeyMaterial, pseudoRandomKey);

        var block = new byte[Sha256Length + info.Length + 1];
        Span<byte> next = stackalloc byte[Sha256Length];
        var previousLength = 0;
        var written = 0;
        for (byte counter = 1; written < output.Length; counter++)
        {
            info.CopyTo(block.AsSpan(previousLength));
            block[previousLength + info.Length] = counter;
            HmacSha256(pseudoRandomKey, block.AsSpan(0, previousLength + info.Length + 1), next);
            var take = Math.Min(Sha256Length, output.Length - written);
            next.Slice(0, take).CopyTo(output.Slice(written));
            written += take;
            next.CopyTo(block);
            previousLength = Sha256Length;
        }
#endif
    }
#if !NET

    private static void HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        using var hmac = new HMACSHA256(key.ToArray());
        hmac.ComputeHash(data.ToArray()).CopyTo(destination);
    }
#endif
}
