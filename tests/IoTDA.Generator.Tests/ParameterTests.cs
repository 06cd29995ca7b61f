using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;
using Parameters;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/parameters.openapi.yaml</c>: cookies go out in one
/// Cookie header, and a parameter the generator does not format is a string the caller formats (IOTDA117).
/// </summary>
public class ParameterTests
{
    private static StubHandler NoContent() => new((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

    private static ParametersClient Client(StubHandler handler) => new(new HttpClient(handler), new IoTDAClientOptions
    {
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task Cookies_share_one_header_and_caller_formatted_values_go_out_as_given()
    {
        var handler = NoContent();

        await Client(handler).ListItemsAsync(filter: "red", where: "{\"a\":1}", session: "s1", theme: Theme.Dark);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("session=s1; theme=dark", request.Headers["Cookie"]);
        Assert.Equal("?filter=red&where=%7B%22a%22%3A1%7D", request.Uri.Query);
    }

    [Theory]
    [InlineData("a;b")]
    [InlineData("a b")]
    [InlineData("a\r\nSet-Cookie: x")]
    public async Task A_cookie_value_that_would_end_the_cookie_is_refused_before_anything_is_sent(string session)
    {
        var handler = NoContent();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).ListItemsAsync(null, null, session));

        Assert.Contains("The cookie 'session' cannot be sent", error.Message);
        Assert.DoesNotContain(session, error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Each_caller_formatted_parameter_is_the_info_IOTDA117_and_says_so_in_its_docs()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.ParametersSpec);

        var reported = run.Diagnostics.Where(d => d.Id == "IOTDA117").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToArray();
        Assert.Equal(new[] { 15, 22 }, reported);
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Parameters.ParametersClient")!.GetMembers("ListItemsAsync").Single();
        Assert.Equal("string?", method.Parameters.Single(p => p.Name == "filter").Type.ToDisplayString());
        var declared = output.GetTypeByMetadataName("Parameters.IParametersClient")!.GetMembers("ListItemsAsync").Single();
        Assert.Contains("does not format this value", declared.GetDocumentationCommentXml());
    }

    [Theory]
    [InlineData("byte")]
    [InlineData("uri")]
    public void A_path_value_of_base64_or_a_URI_holds_slashes_so_the_caller_encodes_it(string format)
    {
        var spec = "openapi: 3.0.3\ninfo: {title: P, version: \"1\"}\npaths:\n  /keys/{key}:\n    get:\n      operationId: getKey\n" +
                   "      parameters:\n        - {name: key, in: path, required: true, schema: {type: string, format: " + format + "}}\n" +
                   "      responses: {\"204\": {description: ok}}\n";

        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/keys.yaml", spec, "Keys", "KeysClient"));

        Assert.Equal("IOTDA117", Assert.Single(run.Diagnostics).Id);
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Keys.KeysClient")!.GetMembers("GetKeyAsync").Single();
        Assert.Equal("string", method.Parameters[0].Type.ToDisplayString());
    }
}
