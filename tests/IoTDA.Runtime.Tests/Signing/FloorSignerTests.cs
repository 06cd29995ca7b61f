using System;
using System.Text;
using IoTDA.Benchmarks.Floor;
using IoTDA.Runtime;
using Xunit;
using static IoTDA.Runtime.Tests.Signing.PublishedVectors;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// The benchmark floor's hand-written signer (bench/IoTDA.Benchmarks/Floor/FloorSigner.cs, compiled in here) must
/// sign exactly as the gateway checks: otherwise the floor would be cheaper than a correct client by being wrong.
/// Held to the published plain vectors A to C, and to the runtime's signer for the benchmark's own request.
/// </summary>
public sealed class FloorSignerTests
{
    [Fact]
    public void VectorA_Get()
    {
        var signer = new FloorSigner("AccessKey", "SecretKey", "host", "x-sdk-date");

        var authorization = signer.Sign("GET", VpcPath, VpcQuery, [VectorAHost, VectorADate], ReadOnlySpan<byte>.Empty, VectorADate);

        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=" + AGetSignature, authorization);
    }

    [Fact]
    public void VectorA_PostWithBody()
    {
        var signer = new FloorSigner("AccessKey", "SecretKey", "host", "x-sdk-date");

        var authorization = signer.Sign("POST", VpcPostPath, string.Empty, [VectorAHost, VectorADate], Encoding.UTF8.GetBytes(VpcPostBody), VectorADate);

        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=" + APostSignature, authorization);
    }

    [Fact]
    public void VectorB_SigningContentType()
    {
        var signer = new FloorSigner(VectorBAccessKey, VectorBSecretKey, "content-type", "host", "x-sdk-date");

        var authorization = signer.Sign(
            "GET", VpcPath, VpcQuery, ["application/json", VectorAHost, VectorADate], ReadOnlySpan<byte>.Empty, VectorADate);

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=" + VectorBAccessKey + ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + BGetSignature,
            authorization);
    }

    [Fact]
    public void VectorC_GetWithoutHost()
    {
        var signer = new FloorSigner("AccessKey", "SecretKey", "x-sdk-date");

        var authorization = signer.Sign("GET", "/path", "limit=1", [VectorCDate], ReadOnlySpan<byte>.Empty, VectorCDate);

        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=" + CGetSignature, authorization);
    }

    [Fact]
    public void VectorC_PostHashesTheExactBody()
    {
        var signer = new FloorSigner("AccessKey", "SecretKey", "x-sdk-date");

        var authorization = signer.Sign("post", "/path", "key=value", [VectorCDate], Encoding.UTF8.GetBytes(VectorCPostBody), VectorCDate);

        Assert.EndsWith("Signature=" + CPostSignature, authorization, StringComparison.Ordinal);
    }

    /// <summary>
    /// The floor's request shape (the headers it signs, a JSON body, 20 IDs), with a path and a header value that
    /// need encoding and trimming, compared with what <see cref="AkSkSigner"/> signs under the SDK's default rule.
    /// </summary>
    [Theory]
    [InlineData("/v5/iot/0c4f3b2a9d8e47f6a5b4c3d2e1f0a9b8/device-policies/5c90fa7d3c4e4405e8525079/unbind",
        "/v5/iot/0c4f3b2a9d8e47f6a5b4c3d2e1f0a9b8/device-policies/5c90fa7d3c4e4405e8525079/unbind")]
    [InlineData("/v5/iot/p 1/device-policies/ü+~/unbind", "/v5/iot/p%201/device-policies/%C3%BC%2B~/unbind")]
    [InlineData("/", "/")]
    public void UnbindShapedRequest_SignsAsTheRuntimeDoes(string path, string escapedPath)
    {
        const string Date = "20260129T083000Z";
        const string Host = "iotda.cn-north-4.myhuaweicloud.com";
        const string InstanceId = "3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c";
        const string UserAgent = " IoTDA.Sdk/0.1.0 (.NET 10) ";
        const string ProjectId = "0c4f3b2a9d8e47f6a5b4c3d2e1f0a9b8";
        var ids = new string[20];
        for (var index = 0; index < ids.Length; index++)
        {
            ids[index] = "\"64a7ba7ef9cb063d27e16b97_" + (123456 + index) + "\"";
        }

        var body = Encoding.UTF8.GetBytes("{\"target_type\":\"device\",\"target_ids\":[" + string.Join(",", ids) + "]}");
        var input = new AkSkSigningInput("POST", escapedPath) { Body = body }
            .WithHeader("Content-Type", "application/json")
            .WithHeader("User-Agent", UserAgent)
            .WithHeader("X-Project-Id", ProjectId)
            .WithHeader("Instance-Id", InstanceId)
            .WithHeader("Host", Host)
            .WithHeader("X-Sdk-Date", Date);
        var signer = new FloorSigner("BENCHMARKACCESSKEY00", "benchmarkSecretKey0123456789abcdefghijkl", "host", "instance-id", "user-agent", "x-project-id", "x-sdk-date");

        var authorization = signer.Sign("POST", path, string.Empty, [Host, InstanceId, UserAgent, ProjectId, Date], body, Date);

        Assert.Equal(AkSkSigner.SignBasic(input, "BENCHMARKACCESSKEY00", "benchmarkSecretKey0123456789abcdefghijkl"), authorization);
    }
}
