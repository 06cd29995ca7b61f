using System;

namespace IoTDA.Runtime;

/// <summary>
/// Canonical request to <c>Authorization</c> value, for plain and derived signing (docs/signing.md, sections 4 to 6).
/// </summary>
internal static class SignatureCalculator
{
    internal const string BasicAlgorithm = "SDK-HMAC-SHA256";
    internal const string DerivedAlgorithm = "V11-HMAC-SHA256";

    internal static string CreateAuthorization(
        string method,
        ReadOnlySpan<char> pathAndQuery,
        ReadOnlySpan<SignedHeader> sortedHeaders,
        ReadOnlySpan<byte> bodySha256,
        bool unsignedPayload,
        string sdkDate,
        string accessKey,
        SigningKey key)
    {
        Span<byte> canonicalHash = stackalloc byte[HashPrimitives.Sha256Length];
        var canonical = new Utf8Builder(stackalloc byte[1024]);
        try
        {
            CanonicalRequest.Write(ref canonical, method, pathAndQuery, sortedHeaders, bodySha256, unsignedPayload);
            HashPrimitives.Sha256(canonical.Written, canonicalHash);
        }
        finally
        {
            canonical.Dispose();
        }

        var algorithm = key.IsDerived ? DerivedAlgorithm : BasicAlgorithm;
        Span<byte> signature = stackalloc byte[HashPrimitives.Sha256Length];
        var stringToSign = new Utf8Builder(stackalloc byte[256]);
        try
        {
            stringToSign.AppendUtf8(algorithm);
            stringToSign.Append((byte)'\n');
            stringToSign.AppendUtf8(sdkDate);
            stringToSign.Append((byte)'\n');
            if (key.Scope is not null)
            {
                stringToSign.AppendUtf8(key.Scope);
                stringToSign.Append((byte)'\n');
            }

            stringToSign.AppendLowerHex(canonicalHash);
            key.ComputeHmac(stringToSign.Written, signature);
        }
        finally
        {
            stringToSign.Dispose();
        }

        var authorization = new Utf8Builder(stackalloc byte[512]);
        try
        {
            authorization.AppendUtf8(algorithm);
            if (key.Scope is not null)
            {
                authorization.AppendUtf8(" Credential=");
                authorization.AppendUtf8(accessKey);
                authorization.Append((byte)'/');
                authorization.AppendUtf8(key.Scope);
            }
            else
            {
                authorization.AppendUtf8(" Access=");
                authorization.AppendUtf8(accessKey);
            }

            authorization.AppendUtf8(", SignedHeaders=");
            CanonicalRequest.WriteSignedHeaders(ref authorization, sortedHeaders);
            authorization.AppendUtf8(", Signature=");
            authorization.AppendLowerHex(signature);
            return authorization.ToString();
        }
        finally
        {
            authorization.Dispose();
        }
    }

    internal static string CreateCanonicalRequestText(
        string method,
        ReadOnlySpan<char> pathAndQuery,
        ReadOnlySpan<SignedHeader> sortedHeaders,
        ReadOnlySpan<byte> bodySha256,
        bool unsignedPayload)
    {
        var canonical = new Utf8Builder(stackalloc byte[1024]);
        try
        {
            CanonicalRequest.Write(ref canonical, method, pathAndQuery, sortedHeaders, bodySha256, unsignedPayload);
            return canonical.ToString();
        }
        finally
        {
            canonical.Dispose();
        }
    }
}
