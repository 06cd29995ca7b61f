using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using QueryStyles;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/query-styles.openapi.yaml</c>: each array style of a
/// query parameter on the wire.
/// </summary>
public class QueryStyleTests
{
    private static QueryStylesClient Client(StubHandler handler) => new(new HttpClient(handler), new IoTDAClientOptions
    {
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task Each_style_sends_its_list_as_the_spec_says()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

        await Client(handler).SearchAsync(
            tag: new[] { "a", "b c" }, ids: new long[] { 1, 2 }, words: new[] { "x", "y" }, codes: new[] { "p", "q" }, kinds: new[] { "k", "l" });

        Assert.Equal(
            "?tag=a&tag=b%20c&ids=1%2C2&words=x%20y&codes=p%7Cq&kinds=k&kinds=l",
            Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task An_empty_or_absent_list_sends_nothing_in_any_style()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

        await Client(handler).SearchAsync(tag: Array.Empty<string>(), ids: Array.Empty<long>(), words: null, codes: Array.Empty<string>());

        Assert.Equal("", Assert.Single(handler.Requests).Uri.Query);
    }
}
