using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;
using Security;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/security.openapi.yaml</c>: it takes the credentials of
/// the spec's schemes and applies each where the spec says, needs none, and is never AK/SK-signed unless given AK/SK.
/// </summary>
public class SecurityTests
{
    private const string Secret = "k3y-of-the-test";

    private static async Task<RecordedRequest> ListOnce(IoTDACredentials? credentials)
    {
        var handler = StubHandler.Answering("[]");
        var client = new SecurityClient(new HttpClient(handler), new IoTDAClientOptions { Credentials = credentials, Retry = { MaxRetries = 0 } });
        await client.ListThingsAsync();
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_API_key_goes_in_the_header_scheme_the_specs_requirements_list_first()
    {
        var request = await ListOnce(new ApiKeyCredentials(Secret));

        Assert.Equal(Secret, request.Headers["X-Api-Key"]);
        Assert.Equal("https://secure.example.com/v1/things", request.Uri.AbsoluteUri);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Bearer_and_basic_credentials_go_in_the_authorization_header()
    {
        Assert.Equal("Bearer " + Secret, (await ListOnce(new BearerTokenCredentials(Secret))).Headers["Authorization"]);
        Assert.StartsWith("Basic ", (await ListOnce(new BasicCredentials("user", Secret))).Headers["Authorization"]);
    }

    [Fact]
    public async Task Without_credentials_the_client_sends_none_and_never_signs()
    {
        var request = await ListOnce(null);

        Assert.DoesNotContain(request.Headers.Keys, key => key is "Authorization" or "X-Sdk-Date" or "X-Api-Key");
    }

    [Fact]
    public async Task AK_SK_credentials_the_caller_gives_are_signed()
    {
        var request = await ListOnce(new AkSkCredentials("AccessKey", "SecretKey"));

        Assert.StartsWith("SDK-HMAC-SHA256 Access=AccessKey", request.Headers["Authorization"]);
    }

    [Fact]
    public void The_schemes_the_client_does_not_apply_are_the_info_IOTDA118_at_their_lines()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.SecuritySpec);

        var reported = run.Diagnostics.Where(d => d.Id == "IOTDA118").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(new[] { 24, 32, 33 }, reported.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("ApiKeyCredentials go in one place, the API key in the header 'X-Api-Key' of the scheme 'headerKey'", reported[0].GetMessage());
        Assert.Contains("HTTP 'digest' authentication", reported[1].GetMessage());
        Assert.Contains("a header name cannot hold ' '", reported[2].GetMessage());
    }

    [Fact]
    public void A_Huawei_Cloud_spec_keeps_requiring_AK_SK()
    {
        var error = Assert.Throws<ArgumentException>(() => new IoTDA.IoTDAClient(new HttpClient(), new IoTDAClientOptions { RegionId = "cn-north-4" }));

        Assert.StartsWith("IoTDAClientOptions.Credentials is required", error.Message);
    }
}
