using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IoTDA.Runtime;
using Microsoft.AspNetCore.Http;

namespace IoTDA.Emulator.Http;

/// <summary>
/// What the API gateway checks before IoTDA sees a request: an AK/SK signature (plain or derived) recomputed with
/// <see cref="AkSkSigner"/> from the request as received, the 15-minute <c>X-Sdk-Date</c> window, or an IAM token.
/// </summary>
internal sealed class GatewayAuthenticator
{
    internal const string AuthorizationHeader = "Authorization";
    internal const string AuthTokenHeader = "X-Auth-Token";

    private static readonly TimeSpan DateWindow = TimeSpan.FromMinutes(15);

    private readonly IoTDAEmulatorOptions _options;

    public GatewayAuthenticator(IoTDAEmulatorOptions options)
    {
        _options = options;
    }

    /// <summary>
    /// Everything the headers alone decide, checked before the body is read so a caller without credentials cannot
    /// make the emulator buffer megabytes: null when the request may go on, else the failure to answer with.
    /// <paramref name="signature"/> is the signature still to verify against the body; null for a valid token.
    /// </summary>
    public AuthenticationFailure? CheckHeaders(HttpRequest request, out SignatureHeader? signature)
    {
        signature = null;
        var authorization = request.Headers[AuthorizationHeader].ToString();
        if (authorization.Length > 0)
        {
            return CheckSignatureHeaders(request, authorization, out signature);
        }

        var token = request.Headers[AuthTokenHeader].ToString();
        if (token.Length > 0)
        {
            return FixedTimeEquals(token, _options.Token)
                ? null
                : Gateway("Incorrect IAM authentication information: the X-Auth-Token is not valid");
        }

        return Gateway("Incorrect IAM authentication information: the request carries neither an Authorization nor an X-Auth-Token header");
    }

    private AuthenticationFailure? CheckSignatureHeaders(HttpRequest request, string authorization, out SignatureHeader? checkedSignature)
    {
        checkedSignature = null;
        if (!SignatureHeader.TryParse(authorization, out var signature))
        {
            return Gateway(
                "Incorrect IAM authentication information: the Authorization header is not " +
                "'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...' nor " +
                "'V11-HMAC-SHA256 Credential=.../yyyyMMdd/region/service, SignedHeaders=..., Signature=...'");
        }

        var sdkDate = request.Headers[AkSkSigner.SdkDateHeader].ToString();
        if (!DateTimeOffset.TryParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return Gateway($"Incorrect IAM authentication information: the {AkSkSigner.SdkDateHeader} header is missing or not yyyyMMdd'T'HHmmss'Z' ('{sdkDate}')");
        }

        var now = _options.TimeProvider.GetUtcNow();
        if ((now - signedAt).Duration() > DateWindow)
        {
            // The SDK reads the server's time from the Date header, or failing that from "server time: ..." here.
            return Gateway(
                $"Incorrect IAM authentication information: signature expired, request time: {sdkDate}, " +
                $"server time: {AkSkSigner.FormatSdkDate(now)}");
        }

        if (!string.Equals(signature.AccessKey, _options.AccessKey, StringComparison.Ordinal))
        {
            return Gateway($"Incorrect IAM authentication information: the access key '{signature.AccessKey}' does not exist");
        }

        if (!Contains(signature.SignedHeaders, "x-sdk-date"))
        {
            return Gateway("Incorrect IAM authentication information: SignedHeaders must include x-sdk-date");
        }

        if (signature.IsDerived)
        {
            if (!string.Equals(signature.ScopeDate, sdkDate.Substring(0, 8), StringComparison.Ordinal) ||
                !string.Equals(signature.Service, AkSkSigner.IoTDAServiceName, StringComparison.Ordinal))
            {
                return Gateway(
                    $"Incorrect IAM authentication information: the credential scope '{signature.ScopeDate}/{signature.Region}/{signature.Service}' " +
                    $"must be '{sdkDate.Substring(0, 8)}/{{region}}/{AkSkSigner.IoTDAServiceName}'");
            }
        }
        else if (_options.RequireDerivedSigning)
        {
            return new AuthenticationFailure(
                StatusCodes.Status401Unauthorized, EmulatorErrorCodes.DerivedSigningRequired,
                "Derived signing (V11-HMAC-SHA256) is required for this instance; set the region so the SDK signs with it.",
                includeRequestId: false);
        }

        foreach (var name in signature.SignedHeaders)
        {
            if (request.Headers[name].Count == 0)
            {
                return Gateway($"Incorrect IAM authentication information: the signed header '{name}' is not in the request");
            }
        }

        checkedSignature = signature;
        return null;
    }

    /// <summary>The second half, once the body is in: the signature recomputed over the request as received.</summary>
    public AuthenticationFailure? VerifySignature(HttpRequest request, string rawTarget, byte[] body, SignatureHeader signature)
    {
        var input = new AkSkSigningInput(request.Method, rawTarget) { SignedHeaders = signature.SignedHeaders, Body = body };
        foreach (var name in signature.SignedHeaders)
        {
            foreach (var value in request.Headers[name])
            {
                input.WithHeader(name, value ?? string.Empty);
                // A signed X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD means the client did not hash the body, as the gateway allows.
                input.UnsignedPayload |= string.Equals(name, AkSkSigner.ContentSha256Header, StringComparison.OrdinalIgnoreCase) &&
                                         string.Equals(value?.Trim(), AkSkSigner.UnsignedPayloadValue, StringComparison.Ordinal);
            }
        }

        var expected = signature.IsDerived
            ? AkSkSigner.SignDerived(input, _options.AccessKey, _options.SecretKey, signature.Region!, signature.Service!)
            : AkSkSigner.SignBasic(input, _options.AccessKey, _options.SecretKey);
        if (SignatureHeader.TryParse(expected, out var expectedSignature) &&
            FixedTimeEquals(expectedSignature.Signature, signature.Signature))
        {
            return null;
        }

        var canonicalRequest = AkSkSigner.CreateCanonicalRequest(input).Replace('\n', '|');
        return Gateway("Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:" + canonicalRequest);
    }

    private static AuthenticationFailure Gateway(string message) =>
        new(StatusCodes.Status401Unauthorized, EmulatorErrorCodes.GatewayAuthenticationFailed, message, includeRequestId: true);

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}

/// <summary>Why a request was turned away; the gateway's answers carry <c>request_id</c> in the body too.</summary>
internal sealed class AuthenticationFailure
{
    public AuthenticationFailure(int statusCode, string errorCode, string message, bool includeRequestId)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Message = message;
        IncludeRequestId = includeRequestId;
    }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public string Message { get; }

    public bool IncludeRequestId { get; }
}

/// <summary>The parts of an <c>Authorization</c> value of either algorithm.</summary>
internal sealed class SignatureHeader
{
    private SignatureHeader(string accessKey, IReadOnlyList<string> signedHeaders, string signature)
    {
        AccessKey = accessKey;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    public string AccessKey { get; }

    public IReadOnlyList<string> SignedHeaders { get; }

    public string Signature { get; }

    public bool IsDerived { get; private set; }

    public string? ScopeDate { get; private set; }

    public string? Region { get; private set; }

    public string? Service { get; private set; }

    public static bool TryParse(string value, out SignatureHeader header)
    {
        header = null!;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var algorithm = value.Substring(0, space);
        var isDerived = string.Equals(algorithm, AkSkSigner.DerivedAlgorithm, StringComparison.Ordinal);
        if (!isDerived && !string.Equals(algorithm, AkSkSigner.BasicAlgorithm, StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null;
        string? signedHeaders = null;
        string? signature = null;
        foreach (var part in value.Substring(space + 1).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var name = part.Substring(0, equals);
            var text = part.Substring(equals + 1);
            switch (name)
            {
                case "Access" when !isDerived:
                case "Credential" when isDerived:
                    credential = text;
                    break;
                case "SignedHeaders":
                    signedHeaders = text;
                    break;
                case "Signature":
                    signature = text;
                    break;
                default:
                    return false;
            }
        }

        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var names = signedHeaders.Split(';');
        if (!isDerived)
        {
            header = new SignatureHeader(credential, names, signature);
            return true;
        }

        var scope = credential.Split('/');
        if (scope.Length != 4 || scope[0].Length == 0 || scope[1].Length != 8 || scope[2].Length == 0 || scope[3].Length == 0)
        {
            return false;
        }

        header = new SignatureHeader(scope[0], names, signature)
        {
            IsDerived = true,
            ScopeDate = scope[1],
            Region = scope[2],
            Service = scope[3],
        };
        return true;
    }
}
