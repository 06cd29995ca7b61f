using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class RetryAndTimeoutTests
{
    private static HttpRequestException ConnectionRefused() =>
        new("Connection refused (iotda.cn-north-4.myhuaweicloud.com:443)", new SocketException((int)SocketError.ConnectionRefused));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Get_IsRetriedOnTransientStatuses(HttpStatusCode status)
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        stub.Respond(status).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(2, stub.Sent.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Get_IsNotRetriedOnOtherStatuses(HttpStatusCode status)
    {
        var (client, stub) = TestClient.Create(TestClient.Options(new SignalingTimeProvider()));
        stub.Respond(status, "{\"error_code\":\"IOTDA.000006\",\"error_msg\":\"Invalid input data.\"}");

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ListAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Single(stub.Sent);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Post_IsNotRetriedWhenItMayHaveReachedTheServer(HttpStatusCode status)
    {
        var (client, stub) = TestClient.Create(TestClient.Options(new SignalingTimeProvider()));
        stub.Respond(status);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.UnbindAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task Post_IsRetriedWhenTheCallerOptsIn()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Retry.RetryNonIdempotentRequests = true;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.UnbindAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(2, stub.Sent.Count);
    }

    [Fact]
    public async Task Post_IsRetriedWhenTheConnectionWasRefused()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        stub.Throw(ConnectionRefused()).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.UnbindAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(2, stub.Sent.Count);
    }

    [Fact]
    public async Task Post_IsNotRetriedWhenTheConnectionBrokeMidway()
    {
        var (client, stub) = TestClient.Create(TestClient.Options(new SignalingTimeProvider()));
        stub.Throw(new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset")));

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.UnbindAsync());

        Assert.Contains("UnbindDevicePolicy could not reach https://iotda.cn-north-4.myhuaweicloud.com", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task RetryAfter_IsHonoured_AndCappedByMaxDelay()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "7"))
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "3600"))
            .Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.UnbindAsync();
        var first = await time.NextTimerAsync(TimeSpan.FromSeconds(30));
        time.Advance(first);
        var second = await time.NextTimerAsync(TimeSpan.FromSeconds(30));
        time.Advance(second);

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(TimeSpan.FromSeconds(7), first);
        Assert.Equal(TimeSpan.FromSeconds(20), second);
    }

    [Fact]
    public async Task Retries_AreBounded()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Retry.MaxRetries = 2;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable);

        var call = client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, stub.Sent.Count);
    }

    [Fact]
    public async Task AttemptTimeout_OnPost_IsATimeoutException()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        var (client, stub) = TestClient.Create(options);
        stub.Hang();

        var call = client.UnbindAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(6)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("UnbindDevicePolicy", error.Message);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task AttemptTimeout_OnGet_IsRetried()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        var (client, stub) = TestClient.Create(options);
        stub.Hang().Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(6)));
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(2, stub.Sent.Count);
    }

    [Fact]
    public async Task OverallTimeout_BoundsEveryRetry()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Timeout = TimeSpan.FromSeconds(8);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        var (client, stub) = TestClient.Create(options);
        stub.Hang().Hang();

        var call = client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(6)));
        time.Advance(TimeSpan.FromSeconds(4));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    [Fact]
    public async Task CallerCancellation_IsAnOperationCanceledException_NotATimeout()
    {
        var (client, stub) = TestClient.Create(TestClient.Options(new SignalingTimeProvider()));
        stub.Hang();
        using var cancellation = new CancellationTokenSource();

        var call = client.UnbindAsync(cancellationToken: cancellation.Token);
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task AlreadyCancelledToken_SendsNothing()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UnbindAsync(cancellationToken: new CancellationToken(true)));

        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task SignatureExpired_CorrectsTheClockFromTheDateHeader_AndSignsAgainOnce()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        var serverNow = time.GetUtcNow().AddMinutes(20);
        const string Expired = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: signature expired\",\"request_id\":\"r1\"}";
        stub.Respond(HttpStatusCode.Unauthorized, Expired, r => r.Headers.Date = serverNow)
            .Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        Assert.Equal(TestClient.PolicyId, await client.UnbindAsync());

        Assert.Equal(2, stub.Sent.Count);
        Assert.Equal(AkSkSigner.FormatSdkDate(serverNow), stub.Sent[1].Header("X-Sdk-Date"));
    }

    [Fact]
    public async Task AnExpiredBearerToken_IsNotTakenForClockSkew_AndNotSentAgain()
    {
        // Only an AK/SK signature carries a time the server can find expired; a token's expiry is its issuer's.
        var stub = new StubHandler().Respond(HttpStatusCode.Unauthorized, "{\"error\":\"token expired\"}", r => r.Headers.Date = DateTimeOffset.UtcNow.AddMinutes(20));
        var core = new IoTDAClientCore(
            new HttpClient(stub), new IoTDAClientOptions { Credentials = new BearerTokenCredentials("t") }, new Uri("https://api.example.test"),
            ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: true, basic: false));

        await Assert.ThrowsAsync<IoTDAApiException>(() => core.SendAsync(new IoTDARequest("getThing", HttpMethod.Get, "/things"), default));

        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task SignatureExpired_Twice_IsReportedNotLooped()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        const string Expired = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"signature expired, signature time:20261128T080000Z,server time:20261128T083000Z\"}";
        stub.Respond(HttpStatusCode.Unauthorized, Expired).Respond(HttpStatusCode.Unauthorized, Expired);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.UnbindAsync());

        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Equal(2, stub.Sent.Count);
        Assert.Equal("20261128T083000Z", stub.Sent[1].Header("X-Sdk-Date"));
    }

    [Fact]
    public async Task RetryOptionsChangedAfterTheClientIsMade_DoNotChangeIt()
    {
        // The pipeline may be built after the constructor returns, on a pool thread: it must still be built from the
        // options as they were when the client was made.
        var options = TestClient.Options(new SignalingTimeProvider());
        options.Retry.MaxRetries = 0;
        var (client, stub) = TestClient.Create(options);
        options.Retry.MaxRetries = 3;
        stub.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ListAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(stub.Sent);
    }
}
