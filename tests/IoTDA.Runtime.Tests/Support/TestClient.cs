using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>Shaped like a generated client: constructor (HttpClient, IoTDAClientOptions), calls through the core.</summary>
public sealed class TestClient
{
    public const string ProjectId = "0a1b2c3d4e5f";
    public const string PolicyId = "5c90fa7d3c4e4405e8525079";
    public const string UnbindResponse =
        "{\"policy_id\":\"5c90fa7d3c4e4405e8525079\",\"target_type\":\"device\",\"success_targets\":[\"64a7ba7ef9cb063d27e16b97_123456\"],\"failure_targets\":[]}";

    public TestClient(HttpClient httpClient, IoTDAClientOptions options)
    {
        Core = new IoTDAClientCore(httpClient, options);
    }

    public IoTDAClientCore Core { get; }

    public static IoTDAClientOptions Options(TimeProvider? time = null) => new()
    {
        Endpoint = new Uri("https://iotda.cn-north-4.myhuaweicloud.com"),
        ProjectId = ProjectId,
        Credentials = new AkSkCredentials("TESTACCESSKEY", "test-secret-key-value"),
        TimeProvider = time ?? TimeProvider.System,
    };

    public static (TestClient Client, StubHandler Stub) Create(IoTDAClientOptions options)
    {
        var stub = new StubHandler();
        return (new TestClient(new HttpClient(stub), options), stub);
    }

    public Task<string> UnbindAsync(string policyId = PolicyId, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var request = new IoTDARequest("UnbindDevicePolicy", HttpMethod.Post, "/v5/iot/{project_id}/device-policies/{policy_id}/unbind");
        request.SetPathParameter("policy_id", policyId);
        request.AddHeader("Instance-Id", instanceId);
        request.SetJsonBody("device", static (writer, targetType) =>
        {
            writer.WriteStartObject();
            writer.WriteString("target_type", targetType);
            writer.WriteStartArray("target_ids");
            writer.WriteStringValue("64a7ba7ef9cb063d27e16b97_123456");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return Core.SendAsync(request, ReadPolicyId, cancellationToken);
    }

    public Task<string> ListAsync(string? policyName = null, long? limit = null, CancellationToken cancellationToken = default)
    {
        var request = new IoTDARequest("ListDevicePolicies", HttpMethod.Get, "/v5/iot/{project_id}/device-policies");
        request.AddQuery("policy_name", policyName);
        request.AddQuery("limit", limit);
        return Core.SendAsync(request, ReadPolicyId, cancellationToken);
    }

    public Task DeleteAsync(string policyId, CancellationToken cancellationToken = default)
    {
        var request = new IoTDARequest("DeleteDevicePolicy", HttpMethod.Delete, "/v5/iot/{project_id}/device-policies/{policy_id}");
        request.SetPathParameter("policy_id", policyId);
        return Core.SendAsync(request, cancellationToken);
    }

    /// <summary>An UploadBatchTaskFile-like form: a file, a text field, an optional number, repeated tags, a JSON part.</summary>
    public Task UploadAsync(
        FilePart file, string? description = null, long? priority = null, string[]? tags = null, string? metaOwner = null,
        CancellationToken cancellationToken = default)
    {
        var request = new IoTDARequest("UploadBatchTaskFile", HttpMethod.Post, "/v5/iot/{project_id}/batchtask-files");
        request.AddFormFile("file", file);
        request.AddFormField("description", description);
        request.AddFormField("priority", priority);
        request.AddFormField("tags", tags);
        if (metaOwner is not null)
        {
            request.AddFormJson("meta", metaOwner, static (writer, owner) =>
            {
                writer.WriteStartObject();
                writer.WriteString("owner", owner);
                writer.WriteEndObject();
            });
        }

        return Core.SendAsync(request, cancellationToken);
    }

    /// <summary>Reads <c>policy_id</c> from an object, as a generated reader would read a member.</summary>
    public static string ReadPolicyId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, found {reader.TokenType}.");
        }

        string? policyId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "policy_id")
            {
                policyId = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return policyId ?? throw new JsonException("policy_id is missing.");
    }
}
