using System;
using System.Security.Cryptography;
using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// The HMAC key and, for derived signing, its scope (<c>{yyyyMMdd}/{region}/{service}</c>). Plain signing keys with
/// the secret key itself; derived signing keys with the hex of HKDF-SHA256(SK, salt AK, info scope).
/// </summary>
internal sealed class SigningKey
{
    // Keying HMAC hashes the key into its inner and outer pads; keeping one keyed instance per thread saves that
    // work on every request signed with the same key (the usual case: one client, one credential).
    [ThreadStatic]
    private static SigningKey? t_hmacKey;

#if NET
    [ThreadStatic]
    private static IncrementalHash? t_hmac;
#else
    [ThreadStatic]
    private static HMACSHA256? t_hmac;
#endif

    private SigningKey(byte[] key, string? scope)
    {
        Key = key;
        Scope = scope;
    }

    public byte[] Key { get; }

    /// <summary>Null for plain (SDK-HMAC-SHA256) signing.</summary>
    public string? Scope { get; }

    public bool IsDerived => Scope is not null;

    public static SigningKey Basic(string secretKey) => new(Encoding.UTF8.GetBytes(secretKey), null);

    public static SigningKey Derived(string accessKey, string secretKey, string sdkDate, string regionId, string serviceName)
    {
        var scope = sdkDate.Substring(0, 8) + "/" + regionId + "/" + serviceName;
        Span<byte> derived = stackalloc byte[HashPrimitives.Sha256Length];
        HashPrimitives.HkdfSha256(
            Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(accessKey), Encoding.UTF8.GetBytes(scope), derived);

        var hexKey = new Utf8Builder(stackalloc byte[2 * HashPrimitives.Sha256Length]);
        hexKey.AppendLowerHex(derived);
        var key = hexKey.Written.ToArray();
        hexKey.Dispose();
        return new SigningKey(key, scope);
    }

    /// <summary>True when this derived key was made for the same day, region and service.</summary>
    public bool Covers(string sdkDate, string regionId, string serviceName)
    {
        if (Scope is null)
        {
            return false;
        }

        return Scope.Length == 8 + 1 + regionId.Length + 1 + serviceName.Length &&
               string.CompareOrdinal(Scope, 0, sdkDate, 0, 8) == 0 &&
               string.CompareOrdinal(Scope, 9, regionId, 0, regionId.Length) == 0 &&
               string.CompareOrdinal(Scope, 10 + regionId.Length, serviceName, 0, serviceName.Length) == 0;
    }

    public string KeyHex => Encoding.ASCII.GetString(Key);

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under this key.</summary>
    public void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hmac = t_hmac;
        if (hmac is null || !ReferenceEquals(t_hmacKey, this))
        {
            hmac?.Dispose();
#if NET
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key);
#else
            hmac = new HMACSHA256(Key);
#endif
            t_hmac = hmac;
            t_hmacKey = this;
        }

#if NET
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
#else
        hmac.ComputeHash(data.ToArray()).CopyTo(destination);
#endif
    }
}
