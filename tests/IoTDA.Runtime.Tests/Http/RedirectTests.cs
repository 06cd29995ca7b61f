using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class RedirectTests
{
    /// <summary>What a handler that follows redirects leaves on the response: the request as it was last sent.</summary>
    private static Action<HttpResponseMessage> AnsweredFrom(string url) =>
        response => response.RequestMessage = new HttpRequestMessage(HttpMethod.Post, url);

    [Theory]
    [InlineData("https://elsewhere.example.net/v5/iot/0a1b2c3d4e5f/device-policies", "https://elsewhere.example.net")]
    [InlineData("http://iotda.cn-north-4.myhuaweicloud.com/v5/iot/0a1b2c3d4e5f/device-policies", "http://iotda.cn-north-4.myhuaweicloud.com")]
    [InlineData("https://iotda.cn-north-4.myhuaweicloud.com:8443/v5/iot/0a1b2c3d4e5f/device-policies", "https://iotda.cn-north-4.myhuaweicloud.com:8443")]
    public async Task AnswerFromAnotherOrigin_IsRefused_NotReturned(string finalUrl, string origin)
    {
        var options = TestClient.Options();
        options.Credentials = new AkSkCredentials("TESTACCESSKEY", "test-secret-key-value", "SECRET-SECURITY-TOKEN");
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse, AnsweredFrom(finalUrl));

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.ListAsync());

        Assert.IsNotType<IoTDAApiException>(error);
        Assert.Contains($"ListDevicePolicies was redirected from https://iotda.cn-north-4.myhuaweicloud.com to {origin}", error.Message);
        Assert.Contains("AllowAutoRedirect = false", error.Message);
        Assert.DoesNotContain("SECRET-SECURITY-TOKEN", error.Message);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task AnswerFromTheSameOrigin_IsTaken()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse, AnsweredFrom("https://IOTDA.cn-north-4.myhuaweicloud.com:443/v5/other"));

        Assert.Equal(TestClient.PolicyId, await client.ListAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently, "https://elsewhere.example.net/v5/x", "elsewhere.example.net")]
    [InlineData(HttpStatusCode.TemporaryRedirect, "https://elsewhere.example.net:8443/v5/x?token=1", "elsewhere.example.net")]
    [InlineData(HttpStatusCode.PermanentRedirect, "/v5/moved", "iotda.cn-north-4.myhuaweicloud.com")]
    public async Task RedirectThatReachesTheClient_IsAnErrorNamingStatusAndLocationHost(HttpStatusCode status, string location, string host)
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(status, configure: response =>
        {
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://iotda.cn-north-4.myhuaweicloud.com/v5/iot/p/device-policies");
        });

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ListAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"HTTP {(int)status} ({status}) redirecting to {host}, which the SDK does not follow", error.Message);
        Assert.DoesNotContain("token=1", error.Message);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task RedirectWithoutALocation_IsAnError()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.Found);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ListAsync());

        Assert.Contains($"HTTP 302 ({HttpStatusCode.Found}) redirecting without a Location header", error.Message);
    }

    [Fact]
    public async Task SigningHandler_RefusesAnAnswerFromAnotherOrigin()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, "{}", AnsweredFrom("https://elsewhere.example.net/v1/x"));
        var invoker = new HttpMessageInvoker(new AkSkSigningHandler(new AkSkCredentials("AK", "SK", "SECRET-SECURITY-TOKEN")) { InnerHandler = stub });

        var error = await Assert.ThrowsAsync<IoTDAException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://example.com/v1/x"), CancellationToken.None));

        Assert.Contains("was redirected from https://example.com to https://elsewhere.example.net", error.Message);
        Assert.DoesNotContain("SECRET-SECURITY-TOKEN", error.Message);
    }
}
