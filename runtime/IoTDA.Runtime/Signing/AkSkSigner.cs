using System;
using System.Collections.Generic;
using System.Globalization;

namespace IoTDA.Runtime;

/// <summary>
/// Huawei Cloud AK/SK signing with explicit inputs: plain <c>SDK-HMAC-SHA256</c> and derived <c>V11-HMAC-SHA256</c>.
/// <see cref="AkSkSigningHandler"/> uses the same code for every request it signs.
/// </summary>
public static class AkSkSigner
{
    public const string BasicAlgorithm = SignatureCalculator.BasicAlgorithm;
    public const string DerivedAlgorithm = SignatureCalculator.DerivedAlgorithm;

    /// <summary>The service name IoTDA's derived signing uses.</summary>
    public const string IoTDAServiceName = "iotdm";

    public const string SdkDateHeader = "X-Sdk-Date";

    /// <summary>The header that tells the gateway a body is not hashed; see <see cref="AkSkSigningInput.UnsignedPayload"/>.</summary>
    public const string ContentSha256Header = UnsignedPayload.HeaderName;

    /// <summary>The value of <see cref="ContentSha256Header"/>, and the canonical request's last line, for a body that is not hashed.</summary>
    public const string UnsignedPayloadValue = UnsignedPayload.Value;

    /// <summary>Formats a time as <c>X-Sdk-Date</c> wants it: UTC <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public static string FormatSdkDate(DateTimeOffset time)
    {
        // Written by hand: a format string costs more than the rest of the date handling on every request.
        var utc = time.UtcDateTime;
        Span<char> text = stackalloc char[16];
        WriteDigits(text, 0, utc.Year, 4);
        WriteDigits(text, 4, utc.Month, 2);
        WriteDigits(text, 6, utc.Day, 2);
        text[8] = 'T';
        WriteDigits(text, 9, utc.Hour, 2);
        WriteDigits(text, 11, utc.Minute, 2);
        WriteDigits(text, 13, utc.Second, 2);
        text[15] = 'Z';
        return text.ToString();
    }

    private static void WriteDigits(Span<char> text, int start, int value, int width)
    {
        for (var position = start + width - 1; position >= start; position--)
        {
            text[position] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Returns the <c>Authorization</c> value for plain (SDK-HMAC-SHA256) signing.</summary>
    public static string SignBasic(AkSkSigningInput input, string accessKey, string secretKey)
    {
        ThrowIfMissing(accessKey, nameof(accessKey));
        ThrowIfMissing(secretKey, nameof(secretKey));
        return Sign(input, accessKey, _ => SigningKey.Basic(secretKey));
    }

    /// <summary>Returns the <c>Authorization</c> value for derived (V11-HMAC-SHA256) signing.</summary>
    public static string SignDerived(
        AkSkSigningInput input, string accessKey, string secretKey, string regionId, string serviceName = IoTDAServiceName)
    {
        ThrowIfMissing(accessKey, nameof(accessKey));
        ThrowIfMissing(secretKey, nameof(secretKey));
        ThrowIfMissing(regionId, nameof(regionId));
        ThrowIfMissing(serviceName, nameof(serviceName));
        return Sign(input, accessKey, sdkDate => SigningKey.Derived(accessKey, secretKey, sdkDate, regionId, serviceName));
    }

    /// <summary>The canonical request text the signature covers: compare it with the gateway's echo of its own.</summary>
    public static string CreateCanonicalRequest(AkSkSigningInput input)
    {
        var prepared = Prepare(input);
        return SignatureCalculator.CreateCanonicalRequestText(
            input.Method, input.PathAndQuery, prepared.Headers, prepared.BodyHash, input.UnsignedPayload);
    }

    /// <summary>The derived signing key as 64 lower-case hex characters (the HMAC key is their UTF-8 bytes).</summary>
    public static string DeriveSigningKey(string accessKey, string secretKey, string sdkDate, string regionId, string serviceName)
    {
        ThrowIfInvalidDate(sdkDate);
        return SigningKey.Derived(accessKey, secretKey, sdkDate, regionId, serviceName).KeyHex;
    }

    private static string Sign(AkSkSigningInput input, string accessKey, Func<string, SigningKey> createKey)
    {
        var prepared = Prepare(input);
        return SignatureCalculator.CreateAuthorization(
            input.Method, input.PathAndQuery, prepared.Headers, prepared.BodyHash, input.UnsignedPayload,
            prepared.SdkDate, accessKey, createKey(prepared.SdkDate));
    }

    private static PreparedInput Prepare(AkSkSigningInput input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var sdkDate = FindHeader(input.Headers, SdkDateHeader)
            ?? throw new ArgumentException($"The input has no {SdkDateHeader} header; every signature covers one.", nameof(input));
        ThrowIfInvalidDate(sdkDate);
        ThrowIfPayloadRuleDisagrees(input);

        var headers = new List<SignedHeader>();
        if (input.SignedHeaders is null)
        {
            foreach (var header in input.Headers)
            {
                if (SignedHeader.IsSignedByDefault(header.Key) && !Contains(headers, header.Key))
                {
                    headers.Add(new SignedHeader(header.Key, FindHeader(input.Headers, header.Key)!));
                }
            }
        }
        else
        {
            foreach (var name in input.SignedHeaders)
            {
                var value = FindHeader(input.Headers, name)
                    ?? throw new ArgumentException($"The header '{name}' is to be signed but the input has no such header.", nameof(input));
                headers.Add(new SignedHeader(name, value));
            }
        }

        var sorted = headers.ToArray();
        Array.Sort(sorted, SignedHeader.ByLowerCaseName);

        var bodyHash = new byte[HashPrimitives.Sha256Length];
        if (!input.UnsignedPayload)
        {
            HashPrimitives.Sha256(input.Body.Span, bodyHash);
        }

        return new PreparedInput(sorted, bodyHash, sdkDate);
    }

    /// <summary>
    /// The gateway decides from the header whether it hashes the body, so a flag without the header (or the header
    /// without the flag) gives a signature the gateway computes differently.
    /// </summary>
    private static void ThrowIfPayloadRuleDisagrees(AkSkSigningInput input)
    {
        var declared = UnsignedPayload.IsDeclaredIn(input.Headers);
        if (input.UnsignedPayload && !declared)
        {
            throw new ArgumentException(
                $"UnsignedPayload is true but the input has no '{ContentSha256Header}: {UnsignedPayloadValue}' header; " +
                "add it to Headers, since the gateway reads it to know that the body is not hashed.",
                nameof(input));
        }

        if (!input.UnsignedPayload && declared)
        {
            throw new ArgumentException(
                $"The input has the header '{ContentSha256Header}: {UnsignedPayloadValue}' but UnsignedPayload is false; " +
                "the gateway will not hash the body, so set UnsignedPayload to sign it the same way.",
                nameof(input));
        }
    }

    /// <summary>Repeated headers are one header whose values are joined with commas, as HTTP defines.</summary>
    private static string? FindHeader(IEnumerable<KeyValuePair<string, string>> headers, string name)
    {
        string? found = null;
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? header.Value : found + "," + header.Value;
            }
        }

        return found;
    }

    private static bool Contains(List<SignedHeader> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void ThrowIfMissing(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {name} must not be empty or whitespace.", name);
        }
    }

    private static void ThrowIfInvalidDate(string sdkDate)
    {
        if (!DateTime.TryParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException(
                $"The {SdkDateHeader} value '{sdkDate}' is not of the form yyyyMMdd'T'HHmmss'Z' (e.g. 20191115T033655Z).",
                nameof(sdkDate));
        }
    }

    private sealed class PreparedInput
    {
        public PreparedInput(SignedHeader[] headers, byte[] bodyHash, string sdkDate)
        {
            Headers = headers;
            BodyHash = bodyHash;
            SdkDate = sdkDate;
        }

        public SignedHeader[] Headers { get; }

        public byte[] BodyHash { get; }

        public string SdkDate { get; }
    }
}
