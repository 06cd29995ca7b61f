using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// Signed JSON calls for the operations the test project's generated client does not have (its spec is the
/// device-policy API only): products and devices.
/// </summary>
internal sealed class RawApi : IDisposable
{
    private readonly HttpClient _http;

    public RawApi(IoTDAEmulator emulator, string instanceId)
    {
        _http = TestClients.SignedHttpClient(emulator, instanceId);
        Root = "/v5/iot/" + emulator.ProjectId;
    }

    /// <summary>The paths' common start, <c>/v5/iot/{project_id}</c>.</summary>
    public string Root { get; }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = json is null ? new HttpRequestMessage(method, Root + path) : TestClients.Json(method, Root + path, json);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Sends and asserts the status; the body for the caller to look into.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string path, string? json = null)
    {
        var (actual, body) = await SendAsync(method, path, json);
        Assert.True(actual == status, $"{method} {path} answered {(int)actual} {body}, not {(int)status}");
        return body;
    }

    /// <summary>Sends and asserts the API's error shape with this status and code; the message for the caller to check.</summary>
    public async Task<string> ExpectErrorAsync(HttpStatusCode status, string errorCode, HttpMethod method, string path, string? json = null)
    {
        var body = await ExpectAsync(status, method, path, json);
        Assert.Equal(new[] { "error_code", "error_msg" }, body.EnumerateObject().Select(property => property.Name));
        Assert.Equal(errorCode, body.GetProperty("error_code").GetString());
        return body.GetProperty("error_msg").GetString()!;
    }

    public static string ProductBody(string name, string? productId = null, string? appId = null, string protocol = "MQTT") => $$"""
        {{{(productId is null ? "" : $"\"product_id\":\"{productId}\",")}}{{(appId is null ? "" : $"\"app_id\":\"{appId}\",")}}
         "name":"{{name}}","device_type":"Thermometer","protocol_type":"{{protocol}}","data_format":"json",
         "manufacturer_name":"Acme","service_capabilities":[{"service_id":"temperature","service_type":"Temperature","option":"Mandatory",
           "properties":[{"property_name":"celsius","data_type":"decimal","required":true,"method":"R"}]}]}
        """;

    public async Task<string> CreateProductAsync(string name, string? productId = null, string? appId = null)
    {
        var product = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/products", ProductBody(name, productId, appId));
        return product.GetProperty("product_id").GetString()!;
    }

    public async Task<string> AddDeviceAsync(string productId, string nodeId, string? extraMembers = null)
    {
        var device = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/devices",
            $$"""{"product_id":"{{productId}}","node_id":"{{nodeId}}"{{(extraMembers is null ? "" : "," + extraMembers)}}}""");
        return device.GetProperty("device_id").GetString()!;
    }

    public static string[] Names(JsonElement body) => body.EnumerateObject().Select(property => property.Name).ToArray();

    public static string[] Ids(JsonElement list, string arrayName, string idName) =>
        list.GetProperty(arrayName).EnumerateArray().Select(item => item.GetProperty(idName).GetString()!).ToArray();

    public void Dispose() => _http.Dispose();
}
