using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Signing;

public sealed class SigningHandlerTests
{
    private static (HttpMessageInvoker Invoker, StubHandler Stub) Create(AkSkSigningHandler handler)
    {
        var stub = new StubHandler();
        handler.InnerHandler = stub;
        return (new HttpMessageInvoker(handler), stub);
    }

    [Fact]
    public async Task KeepsADateTheCallerSet()
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK")));
        stub.Respond(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/v1/x");
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20191115T033655Z");

        await invoker.SendAsync(request, CancellationToken.None);

        var sent = stub.Sent.Single();
        Assert.Equal("20191115T033655Z", sent.Header("X-Sdk-Date"));
        Assert.Equal(Expected.SignatureOf(sent, "AK", "SK"), sent.Header("Authorization"));
    }

    [Fact]
    public async Task ReplacesItsOwnDateAndSignature_WhenTheSameMessageIsSentAgain()
    {
        var time = new SignalingTimeProvider();
        var handler = new AkSkSigningHandler(new AkSkCredentials("AK", "SK")) { TimeProvider = time };
        var (invoker, stub) = Create(handler);
        stub.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/v1/x") { Content = new StringContent("{\"a\":1}") };

        await invoker.SendAsync(request, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(20));
        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("20261128T080000Z", stub.Sent[0].Header("X-Sdk-Date"));
        Assert.Equal("20261128T082000Z", stub.Sent[1].Header("X-Sdk-Date"));
        Assert.Single(stub.Sent[1].Headers, h => h.Key == "Authorization");
        Assert.Single(stub.Sent[1].Headers, h => h.Key == "X-Sdk-Date");
        Assert.Equal(Expected.SignatureOf(stub.Sent[1], "AK", "SK"), stub.Sent[1].Header("Authorization"));
    }

    [Fact]
    public async Task TemporaryCredentials_AddAndSignTheSecurityToken()
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK", "security-token")));
        stub.Respond(HttpStatusCode.OK);

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/v1/x"), CancellationToken.None);

        var sent = stub.Sent.Single();
        Assert.Equal("security-token", sent.Header("X-Security-Token"));
        Assert.Contains("x-security-token", sent.Header("Authorization"));
        Assert.Equal(Expected.SignatureOf(sent, "AK", "SK"), sent.Header("Authorization"));
    }

    [Theory]
    [InlineData("https://api.example.com:8443/v1/x", "api.example.com:8443")]
    [InlineData("https://api.example.com:443/v1/x", "api.example.com")]
    [InlineData("http://127.0.0.1:5080/v1/x", "127.0.0.1:5080")]
    [InlineData("http://[::1]:5080/v1/x", "[::1]:5080")]
    public async Task SignsTheHostAsSent_WithANonDefaultPort(string url, string host)
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK")));
        stub.Respond(HttpStatusCode.OK);

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), CancellationToken.None);

        var sent = stub.Sent.Single();
        Assert.Equal(host, sent.Header("Host"));
        Assert.Equal(Expected.SignatureOf(sent, "AK", "SK"), sent.Header("Authorization"));
    }

    [Theory]
    [InlineData("https://iotda.cn-north-4.myhuaweicloud.com/v5/iot/p/device-policies", null, "SDK-HMAC-SHA256")]
    [InlineData("https://iotda.cn-north-4.myhuaweicloud.com/v5/iot/p/device-policies", "cn-north-4", "SDK-HMAC-SHA256")]
    [InlineData("https://a1b2c3.st1.iotda-app.cn-north-4.myhuaweicloud.com/v5/iot/p/device-policies", null, "V11-HMAC-SHA256 Credential=AK/20261128/cn-north-4/iotdm")]
    [InlineData("https://gateway.example.com/v5/iot/p/device-policies", "ap-southeast-3", "V11-HMAC-SHA256 Credential=AK/20261128/ap-southeast-3/iotdm")]
    [InlineData("http://127.0.0.1:5080/v5/iot/p/device-policies", null, "SDK-HMAC-SHA256")]
    public async Task Auto_PicksDerivedForInstanceHostsWithAKnownRegion(string url, string? region, string expectedPrefix)
    {
        var time = new SignalingTimeProvider();
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK"), region) { TimeProvider = time });
        stub.Respond(HttpStatusCode.OK);

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), CancellationToken.None);

        var sent = stub.Sent.Single();
        Assert.StartsWith(expectedPrefix, sent.Header("Authorization"));
        var derivedRegion = expectedPrefix.StartsWith("V11", StringComparison.Ordinal) ? expectedPrefix.Split('/')[2] : null;
        Assert.Equal(Expected.SignatureOf(sent, "AK", "SK", derivedRegion), sent.Header("Authorization"));
    }

    [Fact]
    public async Task Derived_WithoutARegion_SaysWhatToSet()
    {
        var credentials = new AkSkCredentials("AK", "SK") { Signing = AkSkSigning.Derived };
        var (invoker, _) = Create(new AkSkSigningHandler(credentials));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/x"), CancellationToken.None));

        Assert.Contains("RegionId", error.Message);
    }

    [Fact]
    public async Task DerivedKey_IsComputedOncePerDay()
    {
        var time = new SignalingTimeProvider();
        var credentials = new AkSkCredentials("AK", "SK") { Signing = AkSkSigning.Derived };
        var (invoker, stub) = Create(new AkSkSigningHandler(credentials, "cn-north-4") { TimeProvider = time });
        stub.Respond(HttpStatusCode.OK).Respond(HttpStatusCode.OK).Respond(HttpStatusCode.OK);

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/a"), CancellationToken.None);
        var first = credentials.LastDerivedKey;
        time.Advance(TimeSpan.FromHours(1));
        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/b"), CancellationToken.None);
        var sameDay = credentials.LastDerivedKey;
        time.Advance(TimeSpan.FromDays(1));
        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/c"), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, sameDay);
        Assert.NotSame(first, credentials.LastDerivedKey);
        Assert.Equal("20261129/cn-north-4/iotdm", credentials.LastDerivedKey!.Scope);
    }

    [Fact]
    public async Task PlainHttp_ToARemoteHost_IsRefused()
    {
        var (invoker, stub) = Create(new AkSkSigningHandler(new AkSkCredentials("AK", "SK")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://example.com/x"), CancellationToken.None));

        Assert.Contains("plain http", error.Message);
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task ServiceName_ScopesDerivedSignatures()
    {
        var time = new SignalingTimeProvider();
        var credentials = new AkSkCredentials("AK", "SK") { Signing = AkSkSigning.Derived };
        var (invoker, stub) = Create(new AkSkSigningHandler(credentials, "cn-north-4") { ServiceName = "ecs", TimeProvider = time });
        stub.Respond(HttpStatusCode.OK);

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/a"), CancellationToken.None);

        Assert.StartsWith("V11-HMAC-SHA256 Credential=AK/20261128/cn-north-4/ecs,", stub.Sent.Single().Header("Authorization"));
    }
}
