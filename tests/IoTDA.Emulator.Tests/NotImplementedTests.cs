using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IoTDA.Emulator.Http;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>The operations of the API the emulator does not serve: each answers 501 naming itself, after the gateway.</summary>
[Collection(EmulatorCollection.Name)]
public sealed partial class NotImplementedTests
{
    private readonly IoTDAEmulator _emulator;

    public NotImplementedTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task An_operation_the_emulator_lacks_is_a_501_that_names_it_in_the_APIs_error_shape()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync($"/v5/iot/{_emulator.ProjectId}/device-group");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "error_code", "error_msg" }, body.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(EmulatorErrorCodes.NotImplemented, body.RootElement.GetProperty("error_code").GetString());
        Assert.Equal(
            "The emulator does not implement ListDeviceGroups (GET /v5/iot/{project_id}/device-group).",
            body.RootElement.GetProperty("error_msg").GetString());
    }

    [Fact]
    public async Task Every_operation_without_a_handler_answers_501_with_its_own_name()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());
        var unserved = ApiOperations.All.Where(operation => operation.Handler is null).ToList();

        foreach (var operation in unserved)
        {
            var path = PathParameter().Replace(operation.Template.Replace("{project_id}", _emulator.ProjectId, StringComparison.Ordinal), "p1");
            using var request = operation.Method is "POST" or "PUT"
                ? TestClients.Json(new HttpMethod(operation.Method), path, "{}")
                : new HttpRequestMessage(new HttpMethod(operation.Method), path);
            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotImplemented, $"{operation} answered {(int)response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal($"The emulator does not implement {operation}.", body.RootElement.GetProperty("error_msg").GetString());
        }

        Assert.NotEmpty(unserved);
    }

    [Fact]
    public async Task An_unsigned_request_to_an_unserved_operation_is_refused_by_the_gateway_first()
    {
        using var http = new HttpClient { BaseAddress = _emulator.Endpoint };

        using var response = await http.GetAsync($"/v5/iot/{_emulator.ProjectId}/device-group");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(EmulatorErrorCodes.GatewayAuthenticationFailed, body.RootElement.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task An_unserved_operation_under_another_project_is_the_projects_403()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync("/v5/iot/someone-elses-project/device-group");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex PathParameter();
}
