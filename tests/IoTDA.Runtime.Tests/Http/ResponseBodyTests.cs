using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class ResponseBodyTests
{
    private static readonly byte[] HalfAnAnswer = Encoding.UTF8.GetBytes(TestClient.UnbindResponse.Substring(0, 40));

    private static void CutOff(HttpResponseMessage response) => response.Content = new StreamContent(new UnsizedStream(HalfAnAnswer, endsEarly: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyThatEndsEarly_IsRetried_WhenTheRequestMayBeSentAgain(bool postWithRetriesAllowed)
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Retry.RetryNonIdempotentRequests = postWithRetriesAllowed;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, configure: CutOff).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = postWithRetriesAllowed ? client.UnbindAsync() : client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(postWithRetriesAllowed ? "POST" : "GET", stub.Sent[1].Method);
        Assert.Equal(2, stub.Sent.Count);
    }

    [Fact]
    public async Task Post_WhoseBodyEndsEarly_IsAnIoTDAException_SentOnce()
    {
        var (client, stub) = TestClient.Create(TestClient.Options(new SignalingTimeProvider()));
        stub.Respond(HttpStatusCode.OK, configure: CutOff);

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.UnbindAsync());

        Assert.Contains("UnbindDevicePolicy", error.Message);
        Assert.Contains("ended before its body was complete", error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Single(stub.Sent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SuccessBody_LongerThanTheCap_IsAnIoTDAException_AfterReadingNoMoreThanTheCap(bool declared)
    {
        var options = TestClient.Options();
        options.MaxResponseBodyBytes = 100_000;
        var (client, stub) = TestClient.Create(options);
        var body = new LongJsonStringStream(10_000_000);
        stub.Respond(HttpStatusCode.OK, configure: r =>
        {
            r.Content = new StreamContent(body, bufferSize: 4096);
            r.Content.Headers.ContentLength = declared ? 10_000_000 : null;
        });

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.ListAsync());

        Assert.Contains("ListDevicePolicies got HTTP 200", error.Message);
        Assert.Contains("IoTDAClientOptions.MaxResponseBodyBytes (100000 bytes)", error.Message);
        Assert.InRange(body.Delivered, declared ? 0 : 100_001, declared ? 0 : 100_000 + 4096);
        Assert.Single(stub.Sent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SuccessBody_OfExactlyTheCap_IsRead(bool declared)
    {
        var bytes = Encoding.UTF8.GetBytes(TestClient.UnbindResponse);
        var options = TestClient.Options();
        options.MaxResponseBodyBytes = bytes.Length;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, configure: r =>
        {
            r.Content = new StreamContent(new UnsizedStream(bytes));
            r.Content.Headers.ContentLength = declared ? bytes.Length : null;
        });

        Assert.Equal(TestClient.PolicyId, await client.ListAsync());
    }

    [Fact]
    public async Task SuccessBody_OfSeveralMegabytes_WithoutALength_IsReadWhole()
    {
        var padding = new string('x', 3 * 1024 * 1024);
        var bytes = Encoding.UTF8.GetBytes("{\"padding\":\"" + padding + "\",\"policy_id\":\"" + TestClient.PolicyId + "\"}");
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, configure: r => r.Content = new StreamContent(new UnsizedStream(bytes)));

        Assert.Equal(TestClient.PolicyId, await client.ListAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxResponseBodyBytes_MustBePositive(int value)
    {
        var options = TestClient.Options();
        options.MaxResponseBodyBytes = value;

        var error = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(new HttpClient(), options));

        Assert.Contains($"IoTDAClientOptions.MaxResponseBodyBytes is {value}", error.Message);
    }

    [Fact]
    public void MaxResponseBodyBytes_Is64MiBByDefault() =>
        Assert.Equal(64 * 1024 * 1024, new IoTDAClientOptions().MaxResponseBodyBytes);
}
