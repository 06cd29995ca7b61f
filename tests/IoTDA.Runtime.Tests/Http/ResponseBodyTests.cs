using System;
using System.IO;
using System.Linq;
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

    private static void CutOff(HttpResponseMessage response) => response.Content = new StreamContent(new CutOffStream(HalfAnAnswer));

    [Fact]
    public async Task Get_WhoseBodyEndsEarly_IsRetried()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        stub.Respond(HttpStatusCode.OK, configure: CutOff).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.ListAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
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

    [Fact]
    public async Task Post_WhoseBodyEndsEarly_IsRetriedWhenTheCallerOptsIn()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        options.Retry.RetryNonIdempotentRequests = true;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, configure: CutOff).Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.UnbindAsync();
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestClient.PolicyId, await call);
        Assert.Equal(2, stub.Sent.Count);
    }
}
