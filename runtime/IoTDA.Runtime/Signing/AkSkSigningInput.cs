using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>
/// Everything a signature covers, stated explicitly: for signing requests that are not
/// <see cref="System.Net.Http.HttpRequestMessage"/>s, for verifying signatures on a server, and for Huawei's
/// published test vectors (some of which sign <c>content-type</c> or no <c>host</c>).
/// </summary>
public sealed class AkSkSigningInput
{
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="pathAndQuery">The path and query exactly as sent, still percent-escaped, e.g. <c>/v1/a%20b?limit=2</c>.</param>
    public AkSkSigningInput(string method, string pathAndQuery)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new ArgumentException("The HTTP method must not be empty.", nameof(method));
        }

        if (pathAndQuery is null || pathAndQuery.Length == 0 || pathAndQuery[0] != '/')
        {
            throw new ArgumentException(
                $"The path must be absolute and start with '/'; got '{pathAndQuery}'.", nameof(pathAndQuery));
        }

        Method = method;
        PathAndQuery = pathAndQuery;
    }

    public string Method { get; }

    public string PathAndQuery { get; }

    /// <summary>The headers as sent, including <c>X-Sdk-Date</c> and, where signed, <c>host</c>.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>
    /// The header names to sign. Null applies the official SDKs' rule: every header in <see cref="Headers"/> except
    /// <c>content-type</c> and names that contain <c>_</c>.
    /// </summary>
    public IReadOnlyCollection<string>? SignedHeaders { get; set; }

    /// <summary>The exact body bytes sent; empty when there is no body. Not read when <see cref="UnsignedPayload"/> is true.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>
    /// True signs the literal <c>UNSIGNED-PAYLOAD</c> in place of the body's hash, as Huawei's SDKs do for bodies
    /// that are not JSON (file uploads). <see cref="Headers"/> must then carry
    /// <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c> (<see cref="AkSkSigner.ContentSha256Header"/>), which the
    /// gateway reads to know the body is not hashed; the header without this flag, or the flag without the header,
    /// is an <see cref="ArgumentException"/>.
    /// </summary>
    public bool UnsignedPayload { get; set; }

    public AkSkSigningInput WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}
