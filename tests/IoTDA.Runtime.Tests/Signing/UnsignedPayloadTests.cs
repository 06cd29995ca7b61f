using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;
using static IoTDA.Runtime.Tests.Signing.PublishedVectors;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// Bodies that are not JSON are signed as UNSIGNED-PAYLOAD (docs/signing.md, section 3.6): the header is signed, the
/// canonical request ends with the literal, the body is neither hashed nor buffered. Checked against the reference signer.
/// </summary>
public sealed class UnsignedPayloadTests
{
    private static AkSkSigningInput VectorAPost(string body, bool unsigned)
    {
        var input = new AkSkSigningInput("POST", VpcPostPath)
            .WithHeader("Host", VectorAHost)
            .WithHeader("X-Sdk-Date", VectorADate);
        if (unsigned)
        {
            input.WithHeader(AkSkSigner.ContentSha256Header, AkSkSigner.UnsignedPayloadValue);
        }

        input.Body = Encoding.UTF8.GetBytes(body);
        input.UnsignedPayload = unsigned;
        return input;
    }

    private static ReferenceRequest Reference(AkSkSigningInput input) =>
        new(input.Method, input.PathAndQuery, input.Headers.ToList(), input.Body.ToArray(), unsignedPayload: input.UnsignedPayload);

    [Fact]
    public void ExplicitInput_EndsTheCanonicalRequestWithTheLiteral_AndSignsTheHeader()
    {
        var input = VectorAPost("--x\r\nanything at all\r\n--x--\r\n", unsigned: true);

        var canonical = AkSkSigner.CreateCanonicalRequest(input);
        var authorization = AkSkSigner.SignBasic(input, "AccessKey", "SecretKey");

        Assert.EndsWith("\n\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD", canonical, StringComparison.Ordinal);
        Assert.Contains("\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\n", canonical, StringComparison.Ordinal);
        Assert.Equal(ReferenceSigner.CanonicalRequest(Reference(input)), canonical);
        Assert.Equal(ReferenceSigner.SignBasic(Reference(input), "AccessKey", "SecretKey"), authorization);
    }

    [Fact]
    public void ExplicitInput_Derived_MatchesTheReference_AndIgnoresTheBody()
    {
        var first = VectorAPost("first body", unsigned: true);
        var second = VectorAPost("a completely different body", unsigned: true);

        var signature = AkSkSigner.SignDerived(first, "AccessKey", "SecretKey", "test-region-1", "demo");

        Assert.Equal(ReferenceSigner.SignDerived(Reference(first), "AccessKey", "SecretKey", "test-region-1", "demo"), signature);
        Assert.StartsWith("V11-HMAC-SHA256 Credential=AccessKey/20191115/test-region-1/demo, SignedHeaders=host;x-sdk-content-sha256;x-sdk-date, ", signature);
        Assert.Equal(signature, AkSkSigner.SignDerived(second, "AccessKey", "SecretKey", "test-region-1", "demo"));
    }

    [Fact]
    public void ExplicitInput_WithoutTheFlag_StillHashesVectorAsBody()
    {
        Assert.EndsWith("Signature=" + APostSignature, AkSkSigner.SignBasic(VectorAPost(VpcPostBody, unsigned: false), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void ExplicitInput_FlagAndHeaderMustAgree()
    {
        var flagOnly = VectorAPost("x", unsigned: false);
        flagOnly.UnsignedPayload = true;
        var headerOnly = VectorAPost("x", unsigned: true);
        headerOnly.UnsignedPayload = false;

        var missingHeader = Assert.Throws<ArgumentException>(() => AkSkSigner.SignBasic(flagOnly, "AK", "SK"));
        var missingFlag = Assert.Throws<ArgumentException>(() => AkSkSigner.CreateCanonicalRequest(headerOnly));

        Assert.Equal("input", missingHeader.ParamName);
        Assert.Contains("UnsignedPayload is true but the input has no 'X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD' header", missingHeader.Message);
        Assert.Contains("UnsignedPayload is false", missingFlag.Message);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=abc", true)]
    [InlineData("text/plain; charset=utf-8", true)]
    [InlineData("application/octet-stream", true)]
    [InlineData("application/x-www-form-urlencoded", true)]
    [InlineData("application/json", false)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("Application/JSON", false)]
    [InlineData("application/json-patch+json", false)]
    [InlineData(null, false)]
    public async Task Handler_SignsUnsignedPayload_ExactlyForBodiesThatAreNotJson(string? contentType, bool unsigned)
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK")));
        stub.Respond(HttpStatusCode.OK);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"a\":1}"));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://example.com/v1/x") { Content = content }, CancellationToken.None);

        var sent = stub.Sent.Single();
        Assert.Equal(unsigned ? "UNSIGNED-PAYLOAD" : null, sent.Header("X-Sdk-Content-Sha256"));
        Assert.Equal(unsigned, sent.Header("Authorization")!.Contains("x-sdk-content-sha256", StringComparison.Ordinal));
        Assert.Equal(ReferenceSignature(sent, "AK", "SK", unsigned), sent.Header("Authorization"));
    }

    [Fact]
    public async Task Handler_DoesNotReadAMultipartBodyBeforeSending()
    {
        var file = new ReadCountingStream(Encoding.UTF8.GetBytes("device_id,node_id\n1,2\n"));
        var form = new MultipartFormDataContent("fixed-boundary") { { new StreamContent(file), "file", "devices.csv" } };
        var inner = new InspectingHandler(() => file.Reads);
        var handler = new AkSkSigningHandler(new AkSkCredentials("AK", "SK"), "cn-north-4") { InnerHandler = inner };
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://abc123.st1.iotda-app.cn-north-4.myhuaweicloud.com/v5/iot/p/batchtask-files")
        {
            Content = form,
        };

        await new HttpMessageInvoker(handler).SendAsync(request, CancellationToken.None);

        Assert.Equal(0, inner.ReadsBeforeSend);
        var authorization = request.Headers.NonValidated["Authorization"].ToString();
        Assert.StartsWith("V11-HMAC-SHA256 Credential=AK/", authorization);
        Assert.Contains("SignedHeaders=host;x-sdk-content-sha256;x-sdk-date,", authorization);
        var headers = request.Headers.NonValidated.Where(h => h.Key != "Authorization")
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())).ToList();
        var reference = new ReferenceRequest("POST", "/v5/iot/p/batchtask-files", headers, Array.Empty<byte>(), unsignedPayload: true);
        Assert.Equal(ReferenceSigner.SignDerived(reference, "AK", "SK", "cn-north-4", "iotdm"), authorization);
    }

    [Fact]
    public async Task Handler_SigningTheSameMessageAgain_KeepsOneHeader()
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK")));
        stub.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/v1/x") { Content = new StringContent("plain text") };

        await invoker.SendAsync(request, CancellationToken.None);
        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Single(stub.Sent[1].Headers, h => h.Key == "X-Sdk-Content-Sha256");
        Assert.Equal(ReferenceSignature(stub.Sent[1], "AK", "SK", unsigned: true), stub.Sent[1].Header("Authorization"));
    }

    private static (HttpMessageInvoker Invoker, StubHandler Stub) Create(AkSkSigningHandler handler)
    {
        var stub = new StubHandler();
        handler.InnerHandler = stub;
        return (new HttpMessageInvoker(handler), stub);
    }

    /// <summary>The reference signature over the request headers as sent (content headers are never signed).</summary>
    private static string ReferenceSignature(SentRequest sent, string accessKey, string secretKey, bool unsigned)
    {
        var requestHeaders = sent.Headers
            .Where(h => h.Key is not ("Authorization" or "Content-Type" or "Content-Length"))
            .ToList();
        var reference = new ReferenceRequest(sent.Method, sent.Uri.PathAndQuery, requestHeaders, sent.Body, unsignedPayload: unsigned);
        return ReferenceSigner.SignBasic(reference, accessKey, secretKey);
    }

    /// <summary>A readable stream that counts how often it was read.</summary>
    private sealed class ReadCountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }

    /// <summary>Notes how many reads had happened when the signed message reached it, then sends the body as a transport would.</summary>
    private sealed class InspectingHandler(Func<int> reads) : HttpMessageHandler
    {
        public int ReadsBeforeSend { get; private set; } = -1;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ReadsBeforeSend = reads();
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
