using System;
using System.Net.Http;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

public sealed class OptionsValidationTests
{
    private static ArgumentException Rejects(Action<IoTDAClientOptions> change, HttpClient? httpClient = null)
    {
        var options = TestClient.Options();
        change(options);
        return Assert.ThrowsAny<ArgumentException>(() => new IoTDAClientCore(httpClient ?? new HttpClient(), options));
    }

    [Fact]
    public void Endpoint_FallsBackToTheRegion_ThenTheBaseAddress()
    {
        var options = TestClient.Options();
        options.Endpoint = null;
        options.RegionId = "ap-southeast-3";
        Assert.Equal(new Uri("https://iotda.ap-southeast-3.myhuaweicloud.com"), new IoTDAClientCore(new HttpClient(), options).Endpoint);

        options.RegionId = null;
        var viaBaseAddress = new IoTDAClientCore(new HttpClient { BaseAddress = new Uri("https://proxy.example.com/iotda/") }, options);
        Assert.Equal(new Uri("https://proxy.example.com/iotda/"), viaBaseAddress.Endpoint);
    }

    [Fact]
    public void NoEndpointAtAll_SaysWhatToSet()
    {
        var error = Rejects(o => o.Endpoint = null);

        Assert.Contains("Endpoint", error.Message);
        Assert.Contains("RegionId", error.Message);
        Assert.Contains("BaseAddress", error.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/", "ftp")]
    [InlineData("http://example.com/", "plain http")]
    [InlineData("https://example.com/?x=1", "query")]
    public void BadEndpoints_AreNamed(string endpoint, string expected)
    {
        var error = Rejects(o => o.Endpoint = new Uri(endpoint));

        Assert.Contains(endpoint.TrimEnd('/'), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void RelativeEndpoint_IsNamed() =>
        Assert.Contains("relative", Rejects(o => o.Endpoint = new Uri("/v5", UriKind.Relative)).Message);

    [Fact]
    public void PlainHttpToLoopback_IsAllowed()
    {
        var options = TestClient.Options();
        options.Endpoint = new Uri("http://127.0.0.1:5080");

        Assert.Equal("127.0.0.1", new IoTDAClientCore(new HttpClient(), options).Endpoint.Host);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void BadProjectIds_AreRejected(string projectId) =>
        Assert.Contains("ProjectId", Rejects(o => o.ProjectId = projectId).Message);

    [Fact]
    public void MissingCredentials_NameTheKinds() =>
        Assert.Contains("AkSkCredentials", Rejects(o => o.Credentials = null).Message);

    [Fact]
    public void BadRegion_IsNamed() =>
        Assert.Contains("cn north", Rejects(o => o.RegionId = "cn north").Message);

    [Fact]
    public void InstanceIdWithLineBreak_IsRejected() =>
        Assert.Contains("InstanceId", Rejects(o => o.InstanceId = "a\r\nb").Message);

    [Theory]
    [InlineData(nameof(IoTDAClientOptions.ProjectId), "proj\u00e9ct", "U+00E9 at position 4")]
    [InlineData(nameof(IoTDAClientOptions.InstanceId), "inst\u00a0ance", "U+00A0 at position 4")]
    [InlineData(nameof(IoTDAClientOptions.UserAgentSuffix), "my-app/\u0001", "U+0001 at position 7")]
    [InlineData(nameof(IoTDAClientOptions.UserAgentSuffix), "\u00fcber-app/1.0", "U+00FC at position 0")]
    public void HeaderOptions_WithNonAsciiOrControlCharacters_AreRejectedUpFront(string option, string value, string expected)
    {
        var error = Rejects(o => typeof(IoTDAClientOptions).GetProperty(option)!.SetValue(o, value));

        Assert.Contains("IoTDAClientOptions." + option, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void NonPositiveTimeout_IsRejected() =>
        Assert.Contains("Timeout", Rejects(o => o.Timeout = TimeSpan.Zero).Message);

    [Fact]
    public void NegativeRetries_AreRejected() =>
        Assert.Contains("MaxRetries", Rejects(o => o.Retry.MaxRetries = -1).Message);

    [Theory]
    [InlineData("BaseDelay")]
    [InlineData("MaxDelay")]
    public void RetryDelaysOutsideWhatPollyTakes_AreRejectedUpFront(string delay)
    {
        Action<IoTDARetryOptions, TimeSpan> set = delay == "BaseDelay" ? (r, v) => r.BaseDelay = v : (r, v) => r.MaxDelay = v;

        var tooLong = Rejects(o => set(o.Retry, TimeSpan.FromDays(1) + TimeSpan.FromTicks(1)));
        var zero = Rejects(o => set(o.Retry, TimeSpan.Zero));

        Assert.Contains("IoTDAClientOptions.Retry." + delay + " is 1.00:00:00.0000001", tooLong.Message);
        Assert.Contains("at most 1 day", tooLong.Message);
        Assert.Contains("IoTDAClientOptions.Retry." + delay + " is 00:00:00", zero.Message);
    }

    [Fact]
    public void OptionsAtTheEdgesOfWhatIsAccepted_BuildAPipeline()
    {
        // The pipeline may be built on a pool thread after the constructor returns: whatever passed validation must
        // build there too, or the failure would surface, late and as Polly's exception, in the first call.
        foreach (var (timeout, delay, retries) in new[] { (TimeSpan.FromMilliseconds(10), TimeSpan.FromTicks(1), 100), (TimeSpan.FromDays(1), TimeSpan.FromDays(1), 1) })
        {
            var options = TestClient.Options();
            (options.Timeout, options.AttemptTimeout, options.Retry.BaseDelay, options.Retry.MaxDelay, options.Retry.MaxRetries) =
                (timeout, timeout, delay, delay, retries);

            var pipeline = ResiliencePipelineFactory.Create(
                new PipelineSettings(options), new RequestSigner(options.Credentials!, null, TimeProvider.System),
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

            Assert.NotNull(pipeline);
        }
    }
}
