using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;
using UrlEncoded;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/url-encoded.openapi.yaml</c>: an
/// application/x-www-form-urlencoded body is one typed parameter per field, sent as percent-encoded pairs.
/// </summary>
public class UrlEncodedTests
{
    private static (UrlEncodedClient Client, StubHandler Handler) Client()
    {
        var handler = StubHandler.Answering("""{"access_token":"t"}""");
        return (new UrlEncodedClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    [Fact]
    public async Task The_fields_go_out_as_percent_encoded_pairs_in_schema_order_a_list_as_one_pair_per_item()
    {
        var (client, handler) = Client();

        var token = await client.CreateTokenAsync(GrantType.ClientCredentials, scope: new[] { "read:things", "write" }, ttl: 60, note: "a b&c=d é", metadata: "team=iot");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=read%3Athings&scope=write&ttl=60&note=a%20b%26c%3Dd%20%C3%A9&metadata=team%3Diot", request.Body);
        Assert.Equal("t", token.AccessToken);
    }

    [Fact]
    public async Task Fields_left_null_are_not_sent_and_the_spec_s_rules_are_checked_first()
    {
        var (client, handler) = Client();

        await client.CreateTokenAsync(GrantType.RefreshToken);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTokenAsync(GrantType.RefreshToken, ttl: 7200));

        Assert.Equal("grant_type=refresh_token", Assert.Single(handler.Requests).Body);
        Assert.Contains("ttl", error.Message);
    }

    [Fact]
    public void A_field_the_generator_cannot_write_as_text_is_a_string_the_caller_formats_IOTDA117()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.UrlEncodedSpec);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("IOTDA117", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        var method = (IMethodSymbol)output.GetTypeByMetadataName("UrlEncoded.UrlEncodedClient")!.GetMembers("CreateTokenAsync").Single();
        Assert.Equal("string?", method.Parameters.Single(p => p.Name == "metadata").Type.ToDisplayString());
    }

    [Fact]
    public void Swagger_2_form_data_keeps_its_required_fields_and_a_form_with_a_file_stays_raw()
    {
        const string spec = """
            swagger: "2.0"
            info: {title: S, version: "1"}
            paths:
              /token:
                post:
                  operationId: token
                  parameters:
                    - {name: grant_type, in: formData, required: true, type: string}
                    - {name: scope, in: formData, type: string}
                  responses: {"204": {description: ok}}
            """;
        const string withFile = """
            openapi: 3.0.3
            info: {title: F, version: "1"}
            paths:
              /files:
                post:
                  operationId: send
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {data: {type: string, format: binary}}}
                  responses: {"204": {description: ok}}
            """;

        var (_, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/s.yaml", spec, "S", "SClient"));
        var (_, fileOutput) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/f.yaml", withFile, "F", "FClient"));

        var token = (IMethodSymbol)output.GetTypeByMetadataName("S.SClient")!.GetMembers("TokenAsync").Single();
        Assert.Equal(new[] { "string", "string?" }, token.Parameters.Take(2).Select(p => p.Type.ToDisplayString()));
        var send = (IMethodSymbol)fileOutput.GetTypeByMetadataName("F.FClient")!.GetMembers("SendAsync").Single();
        Assert.Equal("System.IO.Stream?", send.Parameters[0].Type.ToDisplayString());
    }
}
