using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using IoTDA.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// The runtime's signer and signing handler against <see cref="ReferenceSigner"/>, an independent implementation of
/// the signing algorithm (docs/signing.md), over random methods, unicode paths, awkward queries, header sets and
/// bodies.
/// </summary>
public sealed partial class SignerPropertyTests
{
    private const int SignerIterations = 400;
    private const int HandlerIterations = 250;

    private const string VpcPath = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";

    // ---------------------------------------------------------------- the reference against the published vectors

    [Fact]
    public void Reference_VectorA_Get()
    {
        var request = new ReferenceRequest("GET", VpcPath, VectorAHeaders(), Array.Empty<byte>());

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
            ReferenceSigner.SignBasic(request, "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorA_Post()
    {
        var request = new ReferenceRequest(
            "POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", VectorAHeaders(), Encoding.UTF8.GetBytes("{\"key\":\"value\"}"));

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771",
            ReferenceSigner.SignBasic(request, "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorB_SignsContentTypeWhenAsked()
    {
        var request = new ReferenceRequest(
            "GET",
            VpcPath,
            Headers(("Content-Type", "application/json"), ("Host", "service.region.example.com"), ("X-Sdk-Date", "20191115T033655Z")),
            Array.Empty<byte>(),
            new[] { "content-type", "host", "x-sdk-date" });

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
            "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            ReferenceSigner.SignBasic(request, "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
    }

    [Fact]
    public void Reference_VectorC_Get()
    {
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
            ReferenceSigner.SignBasic(VectorCGet(), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorC_Post()
    {
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
            ReferenceSigner.SignBasic(VectorCPost(), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorD_DerivedKey()
    {
        Assert.Equal(
            "fded840bf50eb1da840c631cec6649d58c4df22167c366bce4534ec85997f429",
            ReferenceSigner.DerivedKeyHex("AccessKey", "SecretKey", "20060102T150405Z", "test-region-1", "demo"));
    }

    [Fact]
    public void Reference_VectorD_Get()
    {
        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=8fd3610508884bb19718317797c7378716a94bc740d97502e569322e366341cc",
            ReferenceSigner.SignDerived(VectorCGet(), "AccessKey", "SecretKey", "test-region-1", "demo"));
    }

    [Fact]
    public void Reference_VectorD_Post()
    {
        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=4112f88b92d82dd1e1b7dd142f1e99e4f1762c42ca8fe0968b3045120870a903",
            ReferenceSigner.SignDerived(VectorCPost(), "AccessKey", "SecretKey", "test-region-1", "demo"));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/a/b", "/a/b/")]
    [InlineData("/a//b/", "/a//b/")]
    [InlineData("/a%20b/c+d", "/a%20b/c%2Bd/")]
    [InlineData("/%41%7e%c3%A9", "/A~%C3%A9/")]
    [InlineData("/a%2Fb", "/a/b/")]
    [InlineData("/%E4%B8%AD/%F0%9F%98%80", "/%E4%B8%AD/%F0%9F%98%80/")]
    public void Reference_CanonicalPath(string escaped, string canonical)
    {
        Assert.Equal(canonical, ReferenceSigner.CanonicalPath(escaped));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1&a=0", "a=0&a=1&b=2")]
    [InlineData("k&&=v&x=", "=v&k=&x=")]
    [InlineData("a+b=c%2Bd&q=x=y", "a%2Bb=c%2Bd&q=x%3Dy")]
    [InlineData("%7E=%e4%b8%ad&~=a%20b", "~=a%20b&~=%E4%B8%AD")]
    [InlineData("%C3%A9=1&~=2", "~=2&%C3%A9=1")]
    [InlineData("%F0%9F%98%80=1&%EF%BC%A1=2", "%F0%9F%98%80=1&%EF%BC%A1=2")]
    public void Reference_CanonicalQuery(string escaped, string canonical)
    {
        Assert.Equal(canonical, ReferenceSigner.CanonicalQuery(escaped));
    }

    // ---------------------------------------------------------------- AkSkSigner against the reference

    [Fact]
    public void Signer_MatchesReference_DefaultSignedHeaders()
    {
        SignerCase(explicitSignedHeaders: false).Sample(AssertSignerMatchesReference, iter: SignerIterations);
    }

    [Fact]
    public void Signer_MatchesReference_ExplicitSignedHeaders()
    {
        SignerCase(explicitSignedHeaders: true).Sample(AssertSignerMatchesReference, iter: SignerIterations);
    }

    private static void AssertSignerMatchesReference(SignerSample sample)
    {
        var input = new AkSkSigningInput(sample.Method, sample.PathAndQuery)
        {
            Body = sample.Body,
            SignedHeaders = sample.SignedHeaders,
        };
        foreach (var header in sample.Headers)
        {
            input.WithHeader(header.Key, header.Value);
        }

        var reference = new ReferenceRequest(sample.Method, sample.PathAndQuery, sample.Headers, sample.Body, sample.SignedHeaders);

        Assert.Equal(ReferenceSigner.CanonicalRequest(reference), AkSkSigner.CreateCanonicalRequest(input));
        Assert.Equal(
            ReferenceSigner.SignBasic(reference, sample.AccessKey, sample.SecretKey),
            AkSkSigner.SignBasic(input, sample.AccessKey, sample.SecretKey));
        Assert.Equal(
            ReferenceSigner.SignDerived(reference, sample.AccessKey, sample.SecretKey, sample.Region, sample.Service),
            AkSkSigner.SignDerived(input, sample.AccessKey, sample.SecretKey, sample.Region, sample.Service));
    }

    // ---------------------------------------------------------------- AkSkSigningHandler against the reference

    [Fact]
    public async Task Handler_SignsWhatIsSent_AsTheReferenceWould()
    {
        await HandlerCase.SampleAsync(AssertHandlerMatchesReferenceAsync, iter: HandlerIterations);
    }

    private static async Task AssertHandlerMatchesReferenceAsync(HandlerSample sample)
    {
        var credentials = new AkSkCredentials(sample.AccessKey, sample.SecretKey, sample.SecurityToken) { Signing = sample.Signing };
        var clock = new FakeTimeProvider(sample.Now);
        var stub = new CapturingHandler();
        var signingHandler = new AkSkSigningHandler(credentials, sample.Region) { InnerHandler = stub, TimeProvider = clock };
        if (sample.Service is not null)
        {
            signingHandler.ServiceName = sample.Service;
        }

        // Which algorithm the Auto rule must pick: derived when a region is known and the host is not a public
        // iotda.{region}.myhuaweicloud.com endpoint, else plain.
        var region = sample.Region ?? RegionOfInstanceHost(sample.Host);
        var derived = sample.Signing switch
        {
            AkSkSigning.Basic => false,
            AkSkSigning.Derived => true,
            _ => region is not null && !IsPublicEndpoint(sample.Host),
        };

        using var invoker = new HttpMessageInvoker(signingHandler);
        for (var attempt = 0; attempt < sample.ClockSteps.Length; attempt++)
        {
            clock.Advance(sample.ClockSteps[attempt]);
            using var request = sample.CreateRequest();
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            var seen = stub.Last ?? throw new InvalidOperationException("The stub saw no request.");

            // What the stub saw is what was sent: the host with its port, the date, the token, the body.
            Assert.Equal(sample.ExpectedHostHeader, Single(seen.Headers, "host"));
            Assert.Equal(
                sample.CallerSdkDate ?? AkSkSigner.FormatSdkDate(clock.GetUtcNow()),
                Single(seen.Headers, "x-sdk-date"));
            Assert.Equal(sample.SecurityToken, seen.Headers.Where(h => IsNamed(h, "x-security-token")).Select(h => h.Value).SingleOrDefault());
            Assert.Equal(sample.BodyBytes, seen.Body);

            var reference = new ReferenceRequest(seen.Method, seen.PathAndQuery, seen.Headers, seen.Body);
            var expected = derived
                ? ReferenceSigner.SignDerived(reference, sample.AccessKey, sample.SecretKey, region!, sample.Service ?? "iotdm")
                : ReferenceSigner.SignBasic(reference, sample.AccessKey, sample.SecretKey);
            Assert.Equal(expected, seen.Authorization);
        }
    }

    private static bool IsPublicEndpoint(string host) =>
        Regex.IsMatch(host, @"^iotda\.[a-z]{2,}-[a-z]+-[0-9]{1,2}\.myhuaweicloud\.com$", RegexOptions.CultureInvariant);

    private static string? RegionOfInstanceHost(string host)
    {
        var match = Regex.Match(host, @"\.iotda-app\.([a-z]{2,}-[a-z]+-[0-9]{1,2})\.myhuaweicloud\.com$", RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsNamed(KeyValuePair<string, string> header, string lowerCaseName) =>
        string.Equals(header.Key, lowerCaseName, StringComparison.OrdinalIgnoreCase);

    private static string Single(IReadOnlyList<KeyValuePair<string, string>> headers, string lowerCaseName) =>
        headers.Single(h => IsNamed(h, lowerCaseName)).Value;
}
