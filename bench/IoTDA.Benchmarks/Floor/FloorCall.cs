using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Benchmarks.Floor;

/// <summary>
/// The unbind call written by hand with no SDK: serialize with System.Text.Json source generation, sign (or not),
/// send, deserialize with source generation. It sends the headers the generated client sends, so the comparison is
/// of the work, not of the request.
/// </summary>
internal sealed class FloorCall
{
    /// <summary>What the SDK signs for this request: every request header but content-type, lower-cased and sorted.</summary>
    public static readonly string[] SignedHeaderNames = ["host", "instance-id", "user-agent", "x-project-id", "x-sdk-date"];

    private readonly HttpClient _httpClient;
    private readonly FloorSigner? _signer;
    private readonly string _endpoint;
    private readonly string _host;

    /// <param name="httpClient">Sends the request.</param>
    /// <param name="signer">Null sends the request unsigned: the cost of everything but authentication.</param>
    /// <param name="endpoint">Where to send it; the service's endpoint unless a loopback server stands in for it.</param>
    public FloorCall(HttpClient httpClient, FloorSigner? signer, string endpoint = UnbindRequest.Endpoint)
    {
        _httpClient = httpClient;
        _signer = signer;
        _endpoint = endpoint;
        // The Host header as the SDK signs it: the host name, and the port when it is not the scheme's default.
        var uri = new Uri(endpoint);
        _host = uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    public static FloorSigner CreateSigner() => new(UnbindRequest.AccessKey, UnbindRequest.SecretKey, SignedHeaderNames);

    public async Task<UnbindResult> UnbindAsync(string policyId, UnbindRequestBody body, CancellationToken cancellationToken)
    {
        // Policy IDs are 24 hex characters, so the path needs no escaping on the wire; the signer still encodes it.
        var path = "/v5/iot/" + UnbindRequest.ProjectId + "/device-policies/" + policyId + "/unbind";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, FloorJsonContext.Default.UnbindRequestBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint + path))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", UnbindRequest.UserAgent);
        headers.TryAddWithoutValidation("X-Project-Id", UnbindRequest.ProjectId);
        headers.TryAddWithoutValidation("Instance-Id", UnbindRequest.InstanceId);
        if (_signer is not null)
        {
            var sdkDate = FormatSdkDate(DateTime.UtcNow);
            headers.TryAddWithoutValidation("Host", _host);
            headers.TryAddWithoutValidation("X-Sdk-Date", sdkDate);
            // The values in the order of SignedHeaderNames.
            headers.TryAddWithoutValidation(
                "Authorization",
                _signer.Sign("POST", path, string.Empty, [_host, UnbindRequest.InstanceId, UnbindRequest.UserAgent, UnbindRequest.ProjectId, sdkDate], bytes, sdkDate));
        }

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.UnbindResult, cancellationToken).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException("The response body was null.");
    }

    private static string FormatSdkDate(DateTime utcNow)
    {
        Span<char> text = stackalloc char[16];
        utcNow.TryFormat(text, out var written, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new string(text[..written]);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UnbindRequestBody))]
[JsonSerializable(typeof(UnbindResult))]
internal sealed partial class FloorJsonContext : JsonSerializerContext
{
}
