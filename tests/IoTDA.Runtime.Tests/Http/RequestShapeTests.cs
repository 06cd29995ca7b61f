using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class RequestShapeTests
{
    [Fact]
    public async Task Unbind_SendsThePathHeadersAndBody_AndSignsExactlyWhatIsSent()
    {
        var options = TestClient.Options();
        options.InstanceId = "instance-from-options";
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var policyId = await client.UnbindAsync();

        Assert.Equal(TestClient.PolicyId, policyId);
        var sent = Assert.Single(stub.Sent);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/v5/iot/{TestClient.ProjectId}/device-policies/{TestClient.PolicyId}/unbind", sent.Uri.AbsolutePath);
        Assert.Equal("{\"target_type\":\"device\",\"target_ids\":[\"64a7ba7ef9cb063d27e16b97_123456\"]}", Encoding.UTF8.GetString(sent.Body));
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal(TestClient.ProjectId, sent.Header("X-Project-Id"));
        Assert.Equal("instance-from-options", sent.Header("Instance-Id"));
        Assert.Equal("iotda.cn-north-4.myhuaweicloud.com", sent.Header("Host"));
        Assert.StartsWith("IoTDA.Sdk/", sent.Header("User-Agent"));
        Assert.Equal(Expected.SignatureOf(sent, "TESTACCESSKEY", "test-secret-key-value"), sent.Header("Authorization"));
        Assert.StartsWith("SDK-HMAC-SHA256 Access=TESTACCESSKEY, SignedHeaders=host;instance-id;user-agent;x-project-id;x-sdk-date,",
            sent.Header("Authorization"));
    }

    [Fact]
    public async Task InstanceIdArgument_WinsOverTheOptions()
    {
        var options = TestClient.Options();
        options.InstanceId = "from-options";
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        await client.UnbindAsync(instanceId: "from-call");

        Assert.Equal("from-call", stub.Sent.Single().Header("Instance-Id"));
        Assert.Single(stub.Sent.Single().Headers, h => h.Key == "Instance-Id");
    }

    [Fact]
    public async Task QueryValues_ArePercentEncoded_AndSignedAsSent()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        await client.ListAsync(policyName: "策略 a&b=c+d", limit: 20);

        var sent = stub.Sent.Single();
        Assert.Equal("?policy_name=%E7%AD%96%E7%95%A5%20a%26b%3Dc%2Bd&limit=20", sent.Uri.Query);
        Assert.Equal(Expected.SignatureOf(sent, "TESTACCESSKEY", "test-secret-key-value"), sent.Header("Authorization"));
    }

    [Fact]
    public async Task Delete_WithEmptySuccessBody_Completes()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.NoContent);

        await client.DeleteAsync(TestClient.PolicyId);

        Assert.Equal("DELETE", stub.Sent.Single().Method);
        Assert.Empty(stub.Sent.Single().Body);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("  ")]
    [InlineData("")]
    [InlineData("a\\b")]
    [InlineData("abc\r\n")]
    public async Task PathValues_ThatWouldChangeThePath_AreRejectedBeforeAnythingIsSent(string policyId)
    {
        var (client, stub) = TestClient.Create(TestClient.Options());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UnbindAsync(policyId));

        Assert.Contains("policy_id", error.Message);
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task HeaderValue_WithLineBreak_IsRejectedAndNamed()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UnbindAsync(instanceId: "abc\r\nX-Evil: 1"));

        Assert.Contains("Instance-Id", error.Message);
        Assert.Contains("abc\\r\\nX-Evil: 1", error.Message);
        Assert.Empty(stub.Sent);
    }

    [Theory]
    [InlineData("inst\u00e9", "U+00E9", 4)]
    [InlineData("inst\u0007", "U+0007", 4)]
    [InlineData("in\u007fst", "U+007F", 2)]
    [InlineData("\ud83d\ude00", "U+1F600", 0)]
    public async Task HeaderValue_WithNonAsciiOrControlCharacter_IsRejectedBeforeAnythingIsSent(string instanceId, string codePoint, int position)
    {
        var (client, stub) = TestClient.Create(TestClient.Options());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UnbindAsync(instanceId: instanceId));

        Assert.Equal("Instance-Id", error.ParamName);
        Assert.Contains($"{codePoint} at position {position}", error.Message);
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task EndpointWithBasePath_KeepsThePath()
    {
        var options = TestClient.Options();
        options.Endpoint = new Uri("https://gateway.example.com/iot/");
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        await client.UnbindAsync();

        Assert.Equal($"/iot/v5/iot/{TestClient.ProjectId}/device-policies/{TestClient.PolicyId}/unbind", stub.Sent.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task TokenCredentials_SendXAuthToken_AndNoSignature()
    {
        var options = TestClient.Options();
        options.Credentials = new TokenCredentials("iam-token-value");
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        await client.UnbindAsync();

        var sent = stub.Sent.Single();
        Assert.Equal("iam-token-value", sent.Header("X-Auth-Token"));
        Assert.Null(sent.Header("Authorization"));
    }

    [Fact]
    public async Task EachAttempt_IsSignedAfresh_WithItsOwnDate()
    {
        var time = new SignalingTimeProvider();
        var options = TestClient.Options(time);
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.Add("Retry-After", "3"))
            .Respond(HttpStatusCode.OK, TestClient.UnbindResponse);

        var call = client.ListAsync();
        var backoff = await time.NextTimerAsync(shorterThan: options.AttemptTimeout);
        time.Advance(backoff);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(3), backoff);
        Assert.Equal(2, stub.Sent.Count);
        Assert.NotEqual(stub.Sent[0].Header("X-Sdk-Date"), stub.Sent[1].Header("X-Sdk-Date"));
        Assert.All(stub.Sent, sent => Assert.Equal(Expected.SignatureOf(sent, "TESTACCESSKEY", "test-secret-key-value"), sent.Header("Authorization")));
        Assert.All(stub.Sent, sent => Assert.Single(sent.Headers, h => h.Key == "Authorization"));
    }
}
