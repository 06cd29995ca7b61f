using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// Requests the generated client refuses to send (it validates first), sent as raw signed HTTP, and the error
/// answers the client does send.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ErrorTests
{
    private const string ValidPolicy =
        """{"policy_name":"p","statement":[{"effect":"ALLOW","actions":["iotda:devices:publish"],"resources":["topic:/a"]}]}""";

    private readonly IoTDAEmulator _emulator;

    public ErrorTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Theory]
    [InlineData("""{"target_type":"device","target_ids":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u"]}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"device","target_ids":[]}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"gateway","target_ids":["a"]}""", "IOTDA.000006")]
    [InlineData("""{"target_ids":["a"]}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"device"}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"device","target_ids":[1]}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"device","target_ids":["a"]""", "IOTDA.000008")]
    [InlineData("not json", "IOTDA.000008")]
    [InlineData("[]", "IOTDA.000006")]
    [InlineData("", "IOTDA.000006")]
    public async Task Bind_and_unbind_reject_bad_bodies_with_a_400(string body, string errorCode)
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());
        var policyId = await CreatePolicyAsync(http);

        foreach (var operation in new[] { "bind", "unbind" })
        {
            using var response = await http.SendAsync(TestClients.Json(HttpMethod.Post, $"{TestClients.PoliciesPath(_emulator)}/{policyId}/{operation}", body));
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, errorCode);
        }
    }

    [Theory]
    [InlineData("""{"statement":[]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p"}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"has space","statement":[]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p","app_id":"way-too-long-for-an-app-id-0123456789abcdef","statement":[]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p","statement":[{"effect":"MAYBE","actions":[],"resources":["topic:/a"]}]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p","statement":[{"effect":"ALLOW","actions":[],"resources":[]}]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p","statement":[{"effect":"ALLOW","actions":[],"resources":["1","2","3","4","5","6","7","8","9","10","11"]}]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":"p","statement":[{"effect":"ALLOW","resources":["topic:/a"]}]}""", "IOTDA.000006")]
    [InlineData("""{"policy_name":""", "IOTDA.000008")]
    public async Task Create_rejects_bad_bodies_with_a_400(string body, string errorCode)
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.SendAsync(TestClients.Json(HttpMethod.Post, TestClients.PoliciesPath(_emulator), body));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, errorCode);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("bind")]
    public async Task Invalid_UTF8_inside_a_JSON_string_is_a_400_not_JSON(string operation)
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());
        var (path, json) = operation == "create"
            ? (TestClients.PoliciesPath(_emulator), ValidPolicy)
            : ($"{TestClients.PoliciesPath(_emulator)}/{await CreatePolicyAsync(http)}/bind", """{"target_type":"device","target_ids":["p"]}""");

        // The string "p" becomes "p\xC3(": a lead byte followed by one that cannot continue it, so no UTF-8 text.
        var at = json.IndexOf("\"p\"", StringComparison.Ordinal) + 2;
        var body = Encoding.UTF8.GetBytes(json[..at]).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(json[at..])).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidJson);
    }

    [Theory]
    [InlineData("?limit=0", "IOTDA.000017")]
    [InlineData("?limit=51", "IOTDA.000017")]
    [InlineData("?limit=ten", "IOTDA.000006")]
    [InlineData("?offset=501", "IOTDA.000006")]
    [InlineData("?offset=-1", "IOTDA.000006")]
    [InlineData("?marker=xyz", "IOTDA.000006")]
    [InlineData("?app_id=no%20spaces", "IOTDA.000006")]
    public async Task List_rejects_bad_queries_with_a_400(string query, string errorCode)
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync(TestClients.PoliciesPath(_emulator) + query);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, errorCode);
    }

    [Theory]
    [InlineData("""{"limit":0}""", "IOTDA.000017")]
    [InlineData("""{"limit":51}""", "IOTDA.000017")]
    [InlineData("""{"offset":501}""", "IOTDA.000006")]
    [InlineData("""{"marker":"not-hex"}""", "IOTDA.000006")]
    [InlineData("""{"target_type":"gateway"}""", "IOTDA.000006")]
    [InlineData("""{"limit":""", "IOTDA.000008")]
    public async Task List_targets_rejects_bad_bodies_with_a_400(string body, string errorCode)
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());
        var policyId = await CreatePolicyAsync(http);

        using var response = await http.SendAsync(TestClients.Json(HttpMethod.Post, $"{TestClients.PoliciesPath(_emulator)}/{policyId}/list-targets", body));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, errorCode);
    }

    [Fact]
    public async Task A_malformed_policy_id_is_a_400()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync(TestClients.PoliciesPath(_emulator) + "/not-a-policy-id");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "IOTDA.000006");
    }

    [Fact]
    public async Task Every_operation_on_an_unknown_policy_is_a_404()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        const string unknown = "00000000000000000000abcd";
        var targets = new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { TestClients.Device(1) } };
        var calls = new Func<Task>[]
        {
            () => client.ShowDevicePolicyAsync(unknown),
            () => client.UpdateDevicePolicyAsync(unknown, new UpdateDevicePolicyRequestBody { PolicyName = "x" }),
            () => client.DeleteDevicePolicyAsync(unknown),
            () => client.BindDevicePolicyAsync(unknown, targets),
            () => client.UnbindDevicePolicyAsync(unknown, targets),
            () => client.ShowTargetsInDevicePolicyAsync(unknown),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<IoTDAApiException>(call);
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Equal(EmulatorErrorCodes.PolicyNotFound, error.ErrorCode);
            Assert.Contains(unknown, error.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_project_in_the_path_is_a_403()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync("/v5/iot/someone-elses-project/device-policies");

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, EmulatorErrorCodes.ProjectMismatch);
    }

    [Fact]
    public async Task A_path_with_no_API_is_the_gateways_404()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());

        using var response = await http.GetAsync("/v5/iot/" + _emulator.ProjectId + "/no-such-api");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(EmulatorErrorCodes.GatewayApiNotFound, body.RootElement.GetProperty("error_code").GetString());
    }

    private async Task<string> CreatePolicyAsync(HttpClient http)
    {
        using var response = await http.SendAsync(TestClients.Json(HttpMethod.Post, TestClients.PoliciesPath(_emulator), ValidPolicy));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("policy_id").GetString()!;
    }

    /// <summary>The service's error shape: exactly error_code and error_msg, JSON, with X-Request-Id.</summary>
    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "error_code", "error_msg" }, body.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(errorCode, body.RootElement.GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("error_msg").GetString()));
    }
}
