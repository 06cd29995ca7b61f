using System;
using System.Net.Http;
using System.Threading;
using BenchmarkDotNet.Attributes;
using IoTDA.Runtime;

namespace IoTDA.Benchmarks;

/// <summary>
/// Signing one unbind request (the goal: under 3 µs and 1 KB allocated), two ways:
/// <list type="bullet">
/// <item>the public explicit-input signer, <see cref="AkSkSigner"/>, over a prebuilt <see cref="AkSkSigningInput"/>;</item>
/// <item>the internal <c>RequestSigner</c> the client signs every attempt with, over an <see cref="HttpRequestMessage"/>.
/// A message cannot be signed twice meaningfully, so each call builds a fresh one: the signing cost is
/// <c>Message_*</c> minus <see cref="Message_CreateOnly"/>, which builds the identical message unsigned.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly Uri RequestUri = new(UnbindRequest.Url);

    /// <summary>A client works out its signer's target once for its endpoint; so does the benchmark, in setup.</summary>
    private static readonly System.Collections.Generic.Dictionary<RequestSigner, SigningTarget> Targets = new();

    private AkSkSigningInput _input = null!;
    private RequestSigner _basicSigner = null!;
    private RequestSigner _derivedSigner = null!;
    private RequestSigner _basicSignerRegionKnown = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = new AkSkSigningInput("POST", UnbindRequest.Path)
            .WithHeader("Host", UnbindRequest.Host)
            .WithHeader(AkSkSigner.SdkDateHeader, UnbindRequest.SdkDate)
            .WithHeader("X-Project-Id", UnbindRequest.ProjectId)
            .WithHeader("Instance-Id", UnbindRequest.InstanceId)
            .WithHeader("User-Agent", UnbindRequest.UserAgent)
            .WithHeader("Content-Type", "application/json");
        _input.Body = UnbindRequest.Body;

        // As IoTDAClientCore builds it for the public endpoint with no RegionId: Auto picks plain signing.
        _basicSigner = new RequestSigner(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey), null, TimeProvider.System);

        // Auto with RegionId set, as when the endpoint comes from RegionId: still plain, but the host is inspected.
        _basicSignerRegionKnown = new RequestSigner(
            new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey), UnbindRequest.RegionId, TimeProvider.System);

        // Derived signing; the key is cached per day on the credentials, as in the client.
        var derivedCredentials = new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey) { Signing = AkSkSigning.Derived };
        _derivedSigner = new RequestSigner(derivedCredentials, UnbindRequest.RegionId, TimeProvider.System);

        foreach (var signer in new[] { _basicSigner, _basicSignerRegionKnown, _derivedSigner })
        {
            Targets[signer] = signer.CreateTarget(RequestUri);
        }

        ThrowIfUnsigned(Message_SignBasic(), "SDK-HMAC-SHA256 Access=");
        ThrowIfUnsigned(Message_SignBasic_RegionKnown(), "SDK-HMAC-SHA256 Access=");
        ThrowIfUnsigned(Message_SignDerived(), "V11-HMAC-SHA256 Credential=");
    }

    [Benchmark]
    public string Input_SignBasic() => AkSkSigner.SignBasic(_input, UnbindRequest.AccessKey, UnbindRequest.SecretKey);

    [Benchmark]
    public string Input_SignDerived() =>
        AkSkSigner.SignDerived(_input, UnbindRequest.AccessKey, UnbindRequest.SecretKey, UnbindRequest.RegionId);

    [Benchmark]
    public HttpRequestMessage Message_CreateOnly() => CreateMessage();

    [Benchmark]
    public HttpRequestMessage Message_SignBasic() => Sign(_basicSigner);

    [Benchmark]
    public HttpRequestMessage Message_SignBasic_RegionKnown() => Sign(_basicSignerRegionKnown);

    [Benchmark]
    public HttpRequestMessage Message_SignDerived() => Sign(_derivedSigner);

    private static HttpRequestMessage Sign(RequestSigner signer)
    {
        var message = CreateMessage();
        var signing = signer.SignAsync(message, UnbindRequest.Body, Targets[signer], UnbindRequest.Path.AsMemory(), CancellationToken.None);
        if (!signing.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("Signing left the synchronous fast path; the benchmark would measure something else.");
        }

        return message;
    }

    /// <summary>The message exactly as IoTDAClientCore builds it before signing (no Instance-Id in its options, so the call adds one).</summary>
    private static HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, RequestUri)
        {
            Content = new ByteArrayContent(UnbindRequest.Body),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", UnbindRequest.UserAgent);
        headers.TryAddWithoutValidation("X-Project-Id", UnbindRequest.ProjectId);
        headers.TryAddWithoutValidation("Instance-Id", UnbindRequest.InstanceId);
        return message;
    }

    private static void ThrowIfUnsigned(HttpRequestMessage message, string expectedPrefix)
    {
        if (!message.Headers.TryGetValues("Authorization", out var values) ||
            !string.Join(",", values).StartsWith(expectedPrefix, StringComparison.Ordinal) ||
            !message.Headers.Contains(AkSkSigner.SdkDateHeader) ||
            message.Headers.Host != UnbindRequest.Host)
        {
            throw new InvalidOperationException($"The message was not signed as expected ({expectedPrefix}...).");
        }
    }
}
