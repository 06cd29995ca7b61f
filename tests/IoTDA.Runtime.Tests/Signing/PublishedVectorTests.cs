using System.Text;
using IoTDA.Runtime;
using Xunit;
using static IoTDA.Runtime.Tests.Signing.PublishedVectors;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// Huawei's published AK/SK vectors A to D (plain; plain signing content-type; plain without host; derived),
/// through the explicit-input signer. docs/signing.md describes the algorithm they pin down.
/// </summary>
public sealed class PublishedVectorTests
{
    private const string VpcPathAndQuery = VpcPath + "?" + VpcQuery;

    [Fact]
    public void VectorA_Get_SignsHostAndDateButNotUnderscoreHeader()
    {
        var input = VectorAInput("GET", VpcPathAndQuery, body: null);

        var authorization = AkSkSigner.SignBasic(input, "AccessKey", "SecretKey");

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=" + AGetSignature,
            authorization);
    }

    [Fact]
    public void VectorA_PostWithBody()
    {
        var input = VectorAInput("POST", VpcPostPath, VpcPostBody);

        var authorization = AkSkSigner.SignBasic(input, "AccessKey", "SecretKey");

        Assert.EndsWith("Signature=" + APostSignature, authorization);
        Assert.Contains("SignedHeaders=host;x-sdk-date,", authorization);
    }

    [Fact]
    public void VectorB_SignsContentTypeWhenAsked()
    {
        var input = new AkSkSigningInput("GET", VpcPathAndQuery)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Host", VectorAHost)
            .WithHeader("X-Sdk-Date", VectorADate);
        input.SignedHeaders = new[] { "content-type", "host", "x-sdk-date" };

        var authorization = AkSkSigner.SignBasic(input, VectorBAccessKey, VectorBSecretKey);

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
            "Signature=" + BGetSignature,
            authorization);
    }

    [Fact]
    public void VectorC_Get_SignsNoHost()
    {
        var authorization = AkSkSigner.SignBasic(VectorCGet(), "AccessKey", "SecretKey");

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=" + CGetSignature,
            authorization);
    }

    [Fact]
    public void VectorC_Post_HashesTheExactBodyBytes()
    {
        var authorization = AkSkSigner.SignBasic(VectorCPost(), "AccessKey", "SecretKey");

        Assert.EndsWith("Signature=" + CPostSignature, authorization);
    }

    [Fact]
    public void VectorD_DerivedKey()
    {
        var key = AkSkSigner.DeriveSigningKey("AccessKey", "SecretKey", VectorCDate, "test-region-1", "demo");

        Assert.Equal(DDerivedKey, key);
    }

    [Fact]
    public void VectorD_Get()
    {
        var authorization = AkSkSigner.SignDerived(VectorCGet(), "AccessKey", "SecretKey", "test-region-1", "demo");

        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=" + DGetSignature,
            authorization);
    }

    [Fact]
    public void VectorD_Post()
    {
        var authorization = AkSkSigner.SignDerived(VectorCPost(), "AccessKey", "SecretKey", "test-region-1", "demo");

        Assert.EndsWith("Signature=" + DPostSignature, authorization);
    }

    private static AkSkSigningInput VectorAInput(string method, string pathAndQuery, string? body)
    {
        var input = new AkSkSigningInput(method, pathAndQuery)
            .WithHeader("X-Sdk-Date", VectorADate)
            .WithHeader("TEST_UNDERSCORE", "TEST_VALUE")
            .WithHeader("host", VectorAHost);
        if (body is not null)
        {
            input.Body = Encoding.UTF8.GetBytes(body);
        }

        return input;
    }

    private static AkSkSigningInput VectorCGet() =>
        new AkSkSigningInput("GET", "/path?limit=1").WithHeader("X-Sdk-Date", VectorCDate);

    private static AkSkSigningInput VectorCPost()
    {
        var input = new AkSkSigningInput("POST", "/path?key=value")
            .WithHeader("X-Sdk-Date", VectorCDate)
            .WithHeader("Content-Type", "application/json");
        input.Body = Encoding.UTF8.GetBytes(VectorCPostBody);
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
