using System;
using System.Collections.Generic;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>
/// Huawei's rule for bodies that are not JSON (docs/signing.md, section 3.6): the request says so in a header, which
/// is signed like any other, and the canonical request ends with a fixed word instead of the body's hash, so a file
/// upload is never read twice just to hash it.
/// </summary>
internal static class UnsignedPayload
{
    internal const string HeaderName = "X-Sdk-Content-Sha256";

    /// <summary>The header's value, and the canonical request's last line in place of the body hash.</summary>
    internal const string Value = "UNSIGNED-PAYLOAD";

    private const string JsonMediaPrefix = "application/json";

    /// <summary>
    /// True for a message whose content has a Content-Type that does not start with <c>application/json</c> (the
    /// official SDKs compare the prefix, so <c>application/json-patch+json</c> is hashed), and for one that already
    /// carries the header with this value (its sender asked for it, or an earlier pass of the signer added it).
    /// </summary>
    internal static bool AppliesTo(HttpRequestMessage request)
    {
        if (HasHeader(request.Headers))
        {
            return true;
        }

        var content = request.Content;
        if (content is null || !content.Headers.TryGetValues("Content-Type", out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            return !value.TrimStart().StartsWith(JsonMediaPrefix, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>True when the explicit headers carry <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>.</summary>
    internal static bool IsDeclaredIn(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, HeaderName, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(header.Value.Trim(), Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasHeader(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        if (!headers.TryGetValues(HeaderName, out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            if (string.Equals(value.Trim(), Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
