using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Servers;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// A general spec's first server is its client's default endpoint, path included; the options' endpoint and the
/// HTTP client's base address each replace it whole. A Huawei Cloud spec keeps taking its endpoint from the region.
/// </summary>
public class ServerUrlTests
{
    private static StubHandler Answering() => StubHandler.Answering("""{"name":"n"}""");

    private static IoTDAClientOptions Options(Uri? endpoint = null) => new()
    {
        Endpoint = endpoint,
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    };

    [Fact]
    public async Task Without_an_endpoint_a_call_goes_to_the_first_server_with_its_variables_at_their_defaults()
    {
        var handler = Answering();

        await new ServersClient(new HttpClient(handler), Options()).GetThingAsync("t 1");

        Assert.Equal(new Uri("https://eu.api.example.com/v2"), ServersClient.ServerUrl);
        Assert.Equal("https://eu.api.example.com/v2/things/t%201", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_options_endpoint_and_the_base_address_replace_the_server_whole()
    {
        var viaOptions = Answering();
        var viaBaseAddress = Answering();

        await new ServersClient(new HttpClient(viaOptions), Options(new Uri("https://proxy.example.com/api"))).GetThingAsync("t1");
        await new ServersClient(new HttpClient(viaBaseAddress) { BaseAddress = new Uri("https://other.example.com") }, Options()).GetThingAsync("t1");

        Assert.Equal("https://proxy.example.com/api/things/t1", Assert.Single(viaOptions.Requests).Uri.AbsoluteUri);
        Assert.Equal("https://other.example.com/things/t1", Assert.Single(viaBaseAddress.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public void A_relative_server_is_a_base_path_the_client_asks_an_endpoint_for()
    {
        // Swagger 2.0's basePath without a host arrives as the server "/v1".
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.PetstoreSpec);
        var serverUrl = output.GetTypeByMetadataName("Petstore.PetstoreClient")!.GetMembers("ServerUrl").Single();

        Assert.True(serverUrl.IsStatic);
        var error = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(new HttpClient(), Options(), new Uri("/v1", UriKind.Relative)));
        Assert.Contains("the spec's server '/v1' is relative", error.Message);
        Assert.Contains("https://api.example.com/v1", error.Message);
    }

    [Fact]
    public void A_Huawei_Cloud_spec_has_no_server_url_and_a_server_variable_without_default_is_reported()
    {
        var (_, bundled) = GeneratorHarness.Run(GeneratorHarness.BundledSpec);
        var (run, general) = GeneratorHarness.Run(new SpecInput(
            "/specs/vars.yaml",
            "openapi: 3.0.3\ninfo: {title: Vars, version: \"1\"}\nservers:\n  - url: https://{tenant}.example.com\npaths: {}\n",
            "Vars",
            "VarsClient"));

        Assert.Empty(bundled.GetTypeByMetadataName("IoTDA.IoTDAClient")!.GetMembers("ServerUrl"));
        Assert.Empty(general.GetTypeByMetadataName("Vars.VarsClient")!.GetMembers("ServerUrl"));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("IOTDA102", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'tenant' has no default", diagnostic.GetMessage());
    }

    [Fact]
    public void A_Swagger_host_without_schemes_is_served_over_https()
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput(
            "/specs/host.yaml",
            "swagger: \"2.0\"\ninfo: {title: Host, version: \"1\"}\nhost: api.example.com\nbasePath: /v3\npaths: {}\n",
            "Host",
            "HostClient"));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "IOTDA102");
        Assert.Contains("\"https://api.example.com/v3\"", output.SyntaxTrees.Single(t => t.FilePath.EndsWith("HostClient.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }
}
