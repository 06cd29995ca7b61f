using System.Text;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// Huawei's published AK/SK vectors A to D (plain; plain signing content-type; plain without host; derived),
/// through the explicit-input signer. docs/signing.md describes the algorithm they pin down.
/// </summary>
public sealed class PublishedVectorTests
{
    private const string VpcPath = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";

    [Fact]
    public void VectorA_Get_SignsHostAndDateButNotUnderscoreHeader()
    {
        var input = VectorAInput("GET", VpcPath, body: null);

        var authorization = AkSkSigner.SignBasic(input, "AccessKey", "SecretKey");

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
            authorization);
    }

    [Fact]
    public void VectorA_PostWithBody()
    {
        var input = VectorAInput("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "{\"key\":\"value\"}");

        var authorization = AkSkSigner.SignBasic(input, "AccessKey", "SecretKey");

        Assert.EndsWith("Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", authorization);
        Assert.Contains("SignedHeaders=host;x-sdk-date,", authorization);
    }

    [Fact]
    public void VectorB_SignsContentTypeWhenAsked()
    {
        var input = new AkSkSigningInput("GET", VpcPath)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Host", "service.region.example.com")
            .WithHeader("X-Sdk-Date", "20191115T033655Z");
        input.SignedHeaders = new[] { "content-type", "host", "x-sdk-date" };

        var authorization = AkSkSigner.SignBasic(input, "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
            "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            authorization);
    }

    [Fact]
    public void VectorC_Get_SignsNoHost()
    {
        var authorization = AkSkSigner.SignBasic(VectorCGet(), "AccessKey", "SecretKey");

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
            authorization);
    }

    [Fact]
    public void VectorC_Post_HashesTheExactBodyBytes()
    {
        var authorization = AkSkSigner.SignBasic(VectorCPost(), "AccessKey", "SecretKey");

        Assert.EndsWith("Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", authorization);
    }

    [Fact]
    public void VectorD_DerivedKey()
    {
        var key = AkSkSigner.DeriveSigningKey("AccessKey", "SecretKey", "20060102T150405Z", "test-region-1", "demo");

        Assert.Equal("fded840bf50eb1da840c631cec6649d58c4df22167c366bce4534ec85997f429", key);
    }

    [Fact]
    public void VectorD_Get()
    {
        var authorization = AkSkSigner.SignDerived(VectorCGet(), "AccessKey", "SecretKey", "test-region-1", "demo");

        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=8fd3610508884bb19718317797c7378716a94bc740d97502e569322e366341cc",
            authorization);
    }

    [Fact]
    public void VectorD_Post()
    {
        var authorization = AkSkSigner.SignDerived(VectorCPost(), "AccessKey", "SecretKey", "test-region-1", "demo");

        Assert.EndsWith("Signature=4112f88b92d82dd1e1b7dd142f1e99e4f1762c42ca8fe0968b3045120870a903", authorization);
    }

    private static AkSkSigningInput VectorAInput(string method, string pathAndQuery, string? body)
    {
        var input = new AkSkSigningInput(method, pathAndQuery)
            .WithHeader("X-Sdk-Date", "20191115T033655Z")
            .WithHeader("TEST_UNDERSCORE", "TEST_VALUE")
            .WithHeader("host", "service.region.example.com");
        if (body is not null)
        {
            input.Body = Encoding.UTF8.GetBytes(body);
        }

        return input;
    }

    private static AkSkSigningInput VectorCGet() =>
        new AkSkSigningInput("GET", "/path?limit=1").WithHeader("X-Sdk-Date", "20060102T150405Z");

    private static AkSkSigningInput VectorCPost()
    {
        var input = new AkSkSigningInput("POST", "/path?key=value")
            .WithHeader("X-Sdk-Date", "20060102T150405Z")
            .WithHeader("Content-Type", "application/json");
        input.Body = Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}\n");
        return input;
    }
}

public sealed class SdkDateTests
{
    [Theory]
    [InlineData(2006, 1, 2, 15, 4, 5, 0, "20060102T150405Z")]
    [InlineData(2026, 12, 31, 23, 59, 59, 0, "20261231T235959Z")]
    [InlineData(2026, 1, 1, 7, 0, 0, 8, "20251231T230000Z")]
    public void FormatSdkDate_IsUtcBasicIso8601(int year, int month, int day, int hour, int minute, int second, int offsetHours, string expected)
    {
        var time = new System.DateTimeOffset(year, month, day, hour, minute, second, System.TimeSpan.FromHours(offsetHours));

        Assert.Equal(expected, AkSkSigner.FormatSdkDate(time));
    }
}
