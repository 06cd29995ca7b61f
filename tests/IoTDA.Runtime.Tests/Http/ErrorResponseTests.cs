using System;
using System.Net;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class ErrorResponseTests
{
    private static async Task<IoTDAApiException> FailWith(HttpStatusCode status, string? body, Action<System.Net.Http.HttpResponseMessage>? configure = null)
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(status, body, configure);
        return await Assert.ThrowsAsync<IoTDAApiException>(() => client.UnbindAsync());
    }

    [Fact]
    public async Task IoTDAShape_WithRequestIdHeader()
    {
        var error = await FailWith(HttpStatusCode.BadRequest, "{\"error_code\":\"IOTDA.000006\",\"error_msg\":\"Invalid input data.\"}",
            r => r.Headers.Add("X-Request-Id", "req-123"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("IOTDA.000006", error.ErrorCode);
        Assert.Equal("Invalid input data.", error.ErrorMessage);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal("UnbindDevicePolicy failed: HTTP 400 (BadRequest) IOTDA.000006: Invalid input data. [request ID req-123]", error.Message);
    }

    [Fact]
    public async Task GatewayShape_RequestIdFromBodyWins()
    {
        var error = await FailWith(HttpStatusCode.Unauthorized,
            "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\",\"request_id\":\"body-id\"}",
            r => r.Headers.Add("X-Request-Id", "header-id"));

        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Equal("body-id", error.RequestId);
    }

    [Fact]
    public async Task CodeMessageShape()
    {
        var error = await FailWith(HttpStatusCode.Forbidden, "{\"code\":\"IAM.0001\",\"message\":\"Forbidden.\"}");

        Assert.Equal("IAM.0001", error.ErrorCode);
        Assert.Equal("Forbidden.", error.ErrorMessage);
    }

    [Fact]
    public async Task NestedShape()
    {
        var error = await FailWith(HttpStatusCode.NotFound, "{\"error\":{\"code\":\"IOTDA.014000\",\"message\":\"Policy not found.\",\"request_id\":\"n1\"}}");

        Assert.Equal("IOTDA.014000", error.ErrorCode);
        Assert.Equal("Policy not found.", error.ErrorMessage);
        Assert.Equal("n1", error.RequestId);
    }

    [Fact]
    public async Task XmlShape()
    {
        var error = await FailWith(HttpStatusCode.InternalServerError,
            "<?xml version=\"1.0\"?><Error><Code>InternalError</Code><Message>Try later.</Message><RequestId>x1</RequestId></Error>");

        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal("Try later.", error.ErrorMessage);
        Assert.Equal("x1", error.RequestId);
    }

    [Fact]
    public async Task EmptyBody()
    {
        var error = await FailWith(HttpStatusCode.InternalServerError, null);

        Assert.Null(error.ErrorCode);
        Assert.Null(error.ResponseBody);
        Assert.Equal("UnbindDevicePolicy failed: HTTP 500 (InternalServerError) with an empty body", error.Message);
    }

    [Fact]
    public async Task HtmlBody()
    {
        var error = await FailWith(HttpStatusCode.InternalServerError, "<html><body><h1>500 Internal Server Error</h1></body></html>");

        Assert.Null(error.ErrorCode);
        Assert.Contains("with a body that is not an error document (text/html)", error.Message);
        Assert.Contains("<h1>500", error.ResponseBody);
    }

    [Fact]
    public async Task TruncatedJson_KeepsWhatWasRead()
    {
        var error = await FailWith(HttpStatusCode.BadRequest, "{\"error_code\":\"IOTDA.000008\",\"error_msg\":\"Bad req");

        Assert.Equal("IOTDA.000008", error.ErrorCode);
        Assert.Null(error.ErrorMessage);
    }

    [Fact]
    public async Task MegabytesLongBody_IsCapped()
    {
        var huge = "{\"error_code\":\"IOTDA.000006\",\"error_msg\":\"" + new string('x', 3_000_000) + "\"}";

        var error = await FailWith(HttpStatusCode.BadRequest, huge);

        Assert.Equal("IOTDA.000006", error.ErrorCode);
        Assert.True(error.Message.Length < 2_000, $"message length {error.Message.Length}");
        Assert.True(error.ResponseBody!.Length < 5_000, $"body length {error.ResponseBody.Length}");
        Assert.EndsWith("(truncated)", error.ResponseBody);
    }

    [Fact]
    public async Task GatewayEcho_NeverRepeatsASecurityToken()
    {
        var echo = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail, canonicalRequest:POST|/v5/|" +
                   "host:iotda.cn-north-4.myhuaweicloud.com|x-security-token:SECRET-TOKEN-VALUE|x-sdk-date:20261128T080000Z|\"}";

        var error = await FailWith(HttpStatusCode.Unauthorized, echo);

        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.Message);
        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.ErrorMessage);
        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.ResponseBody);
        Assert.Contains("x-security-token:***", error.ErrorMessage);
    }

    [Theory]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad\",\"headers\":{\"X-Security-Token\":\"SECRET-TOKEN-VALUE\"}}")]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad\",\"headers\":{ \"x-auth-token\" : \"SECRET-TOKEN-VALUE\" }}")]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"headers\":{\"AUTHORIZATION\": \"SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=SECRET-TOKEN-VALUE\"}}")]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"echo {\\\"X-Security-Token\\\":\\\"SECRET-TOKEN-VALUE\\\"}\"}")]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"echo {'X-Auth-Token': 'SECRET-TOKEN-VALUE'}\"}")]
    [InlineData("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"expected SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=SECRET-TOKEN-VALUE\"}")]
    public async Task JsonEchoOfTheRequestHeaders_NeverRepeatsATokenOrSignature(string echo)
    {
        var error = await FailWith(HttpStatusCode.Unauthorized, echo);

        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.Message);
        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.ErrorMessage ?? string.Empty);
        Assert.DoesNotContain("SECRET-TOKEN-VALUE", error.ResponseBody);
        Assert.Contains("***", error.ResponseBody);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"policy_id\":")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task SuccessWithABodyThatIsNotTheExpectedJson_NamesStatusAndRequestId(string body)
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, body, r => r.Headers.Add("X-Request-Id", "ok-but-broken"));

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.UnbindAsync());

        Assert.IsNotType<IoTDAApiException>(error);
        Assert.Contains("HTTP 200 (OK)", error.Message);
        Assert.Contains("ok-but-broken", error.Message);
        Assert.Equal("ok-but-broken", error.RequestId);
    }
}
