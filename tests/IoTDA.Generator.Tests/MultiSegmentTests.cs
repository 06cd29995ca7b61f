using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using MultiSegment;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/multi-segment.openapi.yaml</c>: a path parameter marked
/// <c>x-multi-segment</c> or <c>allowReserved</c> keeps its slashes, each segment encoded and checked on its own;
/// every other path parameter still refuses a slash.
/// </summary>
public class MultiSegmentTests
{
    private static StubHandler NoContent() => new((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

    private static MultiSegmentClient Client(StubHandler handler) => new(new HttpClient(handler), new IoTDAClientOptions
    {
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task A_multi_segment_value_keeps_its_slashes_and_encodes_each_segment()
    {
        var handler = NoContent();

        await Client(handler).GetContentAsync("octo cat", "docs/a b/c%.md");
        await Client(handler).DeleteFileAsync("logs/2024/01.txt");

        Assert.Equal("/repos/octo%20cat/contents/docs/a%20b/c%25.md", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/files/logs/2024/01.txt", handler.Requests[1].Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("docs//a.md", "''")]
    [InlineData("docs/../secret", "'..'")]
    [InlineData("/abs", "''")]
    [InlineData("a\\b", "'a\\b'")]
    public async Task A_segment_that_would_change_the_path_is_refused_before_anything_is_sent(string path, string segment)
    {
        var handler = NoContent();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).GetContentAsync("octocat", path));

        Assert.Contains("the segment " + segment, error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Any_other_path_parameter_still_refuses_a_slash()
    {
        var handler = NoContent();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).GetContentAsync("octo/cat", "a.md"));

        Assert.Contains("may not contain '/'", error.Message);
        Assert.Empty(handler.Requests);
    }
}
