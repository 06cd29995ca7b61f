using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Runtime;

namespace IoTDA.Emulator.Tests;

/// <summary>Clients for the emulator: the generated one, and raw signed HTTP for what the generated one refuses to send.</summary>
internal static class TestClients
{
    public const string ProductId = "64a7ba7ef9cb063d27e16b97";

    public static string NewInstanceId() => Guid.NewGuid().ToString();

    public static string Device(int index) => ProductId + "_node-" + index.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public static IoTDAClientOptions Options(IoTDAEmulator emulator, string? instanceId = null, IoTDACredentials? credentials = null) => new()
    {
        Endpoint = emulator.Endpoint,
        ProjectId = emulator.ProjectId,
        InstanceId = instanceId ?? emulator.InstanceId,
        Credentials = credentials ?? new AkSkCredentials(emulator.AccessKey, emulator.SecretKey),
        Retry = new IoTDARetryOptions { MaxRetries = 0 },
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static IoTDAClient Client(IoTDAEmulator emulator, string instanceId, RecordingHandler? recorder = null) =>
        Client(Options(emulator, instanceId), recorder);

    public static IoTDAClient Client(IoTDAClientOptions options, RecordingHandler? recorder = null) =>
        new(recorder is null ? new HttpClient() : new HttpClient(recorder), options);

    /// <summary>An HttpClient whose requests <see cref="AkSkSigningHandler"/> signs with the emulator's credentials.</summary>
    public static HttpClient SignedHttpClient(IoTDAEmulator emulator, string instanceId, TimeProvider? timeProvider = null)
    {
        var signer = new AkSkSigningHandler(new AkSkCredentials(emulator.AccessKey, emulator.SecretKey)) { InnerHandler = new HttpClientHandler() };
        if (timeProvider is not null)
        {
            signer.TimeProvider = timeProvider;
        }

        var client = new HttpClient(signer) { BaseAddress = emulator.Endpoint };
        client.DefaultRequestHeaders.Add("Instance-Id", instanceId);
        return client;
    }

    public static string PoliciesPath(IoTDAEmulator emulator) => "/v5/iot/" + emulator.ProjectId + "/device-policies";

    public static HttpRequestMessage Json(HttpMethod method, string path, string json) =>
        new(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static CreateDevicePolicyRequestBody NewPolicy(string name, string? appId = null) => new()
    {
        PolicyName = name,
        AppId = appId,
        Statement = new[]
        {
            new DevicePolicyStatement
            {
                Effect = Effect.Allow,
                Actions = new[] { "iotda:devices:publish" },
                Resources = new[] { "topic:/v1/${devices.deviceId}/test/hello" },
            },
        },
    };

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A port nothing listens on right now (another process could take it before the caller does).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string[] SortedIds(IEnumerable<string> ids) => ids.OrderBy(id => id, StringComparer.Ordinal).ToArray();
}
