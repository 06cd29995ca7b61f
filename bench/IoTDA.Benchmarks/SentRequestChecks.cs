using System;
using System.Linq;
using IoTDA.Runtime;

namespace IoTDA.Benchmarks;

/// <summary>What every call benchmark's setup checks of a request a variant sent, before anything is timed.</summary>
internal static class SentRequestChecks
{
    /// <summary>
    /// Headers a socket handler adds after signing and a server sees: not the client's, so not held to the signature.
    /// </summary>
    public static readonly string[] TransportHeaders = ["content-length", "connection", "transfer-encoding"];

    /// <summary>
    /// Re-signs the request with the SDK's explicit-input signer and its default header rule over every header that
    /// arrived (but <paramref name="transportHeaders"/>): a signature the gateway would reject, one over other values,
    /// or a header the client sent without signing it, throws.
    /// </summary>
    public static void ThrowIfNotSignedAsTheSdkSigns(SentRequest sent, string benchmark, string[]? transportHeaders = null)
    {
        var input = new AkSkSigningInput(sent.Method, sent.PathAndQuery) { Body = sent.Body };
        foreach (var header in sent.Headers.Where(header => transportHeaders?.Contains(header.Key.ToLowerInvariant()) != true))
        {
            input.WithHeader(header.Key, header.Value);
        }

        var expected = AkSkSigner.SignBasic(input, UnbindRequest.AccessKey, UnbindRequest.SecretKey);
        ThrowIfNotExpected(sent.Authorization == expected, benchmark, $"signed '{sent.Authorization}' where the SDK's signer gives '{expected}'");
    }

    public static void ThrowIfBodyDiffers(SentRequest sent, string benchmark) =>
        ThrowIfNotExpected(sent.Body.AsSpan().SequenceEqual(UnbindRequest.Body), benchmark, "sent another body than the 20-target unbind");

    public static string? SignedHeadersOf(SentRequest sent) =>
        sent.Authorization?.Split(", ").FirstOrDefault(part => part.StartsWith("SignedHeaders=", StringComparison.Ordinal));

    public static void ThrowIfNotExpected(bool condition, string benchmark, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{benchmark} {problem}.");
        }
    }
}
