using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using IoTDA.Benchmarks.Floor;
using IoTDA.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace IoTDA.Benchmarks;

/// <summary>
/// The parts of <see cref="UnbindCallBenchmarks"/>' calls, each alone, the generated client's beside the floor's where
/// the floor has one: where a difference in the whole call comes from. Signing has its own classes
/// (<see cref="SigningBenchmarks"/>, <see cref="SigningPrimitivesBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class UnbindBreakdownBenchmarks
{
    private const string PathTemplate = "/v5/iot/{project_id}/device-policies/{policy_id}/unbind";

    private static readonly UnbindRequestBody FloorBody = UnbindRequest.CreateFloorBody();
    private static readonly DevicePolicyTargetsRequestBody GeneratedBody = UnbindRequest.CreateGeneratedBody();
    private static readonly Uri RequestUri = new(UnbindRequest.Url);

    // Not a constant, so the floor's path is put together at run time, as FloorCall puts it together from its argument.
    private readonly string _policyId = UnbindRequest.PolicyId;

    private HttpClient _httpClient = null!;
    private IoTDARequest _request = null!;
    private ResiliencePipeline<AttemptResult> _pipeline = null!;
    private AttemptResult _attemptAnsweredAtOnce = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _httpClient = new HttpClient(new CannedResponseHandler());
        _request = Body_Generated();
        var options = UnbindRequest.ClientOptions(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey));
        _pipeline = ResiliencePipelineFactory.Create(new PipelineSettings(options), new RequestSigner(options.Credentials!, null, TimeProvider.System), NullLogger.Instance);
        _attemptAnsweredAtOnce = await AttemptResult.ReadAsync(new HttpResponseMessage(HttpStatusCode.OK), 1, CancellationToken.None);

        ThrowUnless(_request.Body.AsSpan().SequenceEqual(Body_Floor()), "the generated and the floor's bodies differ");
        ThrowUnless(Url_Generated() == Url_Floor(), "the generated and the floor's URLs differ");
        UnbindRequest.ThrowIfNotExample(await Response_Generated());
        UnbindRequest.ThrowIfNotExample(await Response_Floor());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _attemptAnsweredAtOnce.Dispose();
        _httpClient.Dispose();
    }

    /// <summary>The generated method's checks of its arguments, as it runs them for this call.</summary>
    [Benchmark]
    public void Validation_Generated()
    {
        IoTDAValidation.Required(UnbindRequest.PolicyId, "policy_id");
        IoTDAValidation.Pattern(UnbindRequest.PolicyId, "policy_id", "^[0-9a-fA-F]{24}$");
        IoTDAValidation.Required(GeneratedBody, "body");
        IoTDAClientJson.ValidateDevicePolicyTargetsRequestBody(GeneratedBody, "");
    }

    [Benchmark]
    public IoTDARequest Body_Generated()
    {
        var request = new IoTDARequest("UnbindDevicePolicy", HttpMethod.Post, PathTemplate);
        request.SetPathParameter("policy_id", UnbindRequest.PolicyId);
        request.SetJsonBody(GeneratedBody, (writer, value) => IoTDAClientJson.WriteDevicePolicyTargetsRequestBody(writer, value));
        return request;
    }

    [Benchmark]
    public byte[] Body_Floor() => JsonSerializer.SerializeToUtf8Bytes(FloorBody, FloorJsonContext.Default.UnbindRequestBody);

    [Benchmark]
    public Uri Url_Generated() => new(_request.BuildUrl(UnbindRequest.Endpoint, string.Empty, UnbindRequest.ProjectId), UriKind.Absolute);

    [Benchmark]
    public Uri Url_Floor() => new(UnbindRequest.Endpoint + ("/v5/iot/" + UnbindRequest.ProjectId + "/device-policies/" + _policyId + "/unbind"));

    /// <summary>The client's Polly pipeline (timeouts, retries, the clock-skew re-sign) around an attempt that answers at once.</summary>
    [Benchmark]
    public async Task<bool> Pipeline_Generated()
    {
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, _request);
        try
        {
            var result = await _pipeline.ExecuteAsync(static (_, attempt) => new ValueTask<AttemptResult>(attempt), context, _attemptAnsweredAtOnce);
            return result.IsSuccess;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sending to the in-memory handler, reading the body and the model, as the client does after signing.</summary>
    [Benchmark]
    public async Task<DevicePolicyBindOrUnbindResult> Response_Generated()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, RequestUri);
        var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        using var attempt = await AttemptResult.ReadAsync(response, 1024 * 1024, CancellationToken.None);
        var reader = new Utf8JsonReader(attempt.Body);
        reader.Read();
        return IoTDAClientJson.ReadResponseOfUnbindDevicePolicy(ref reader);
    }

    [Benchmark]
    public async Task<UnbindResult> Response_Floor()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, RequestUri);
        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.UnbindResult, CancellationToken.None))!;
    }

    private static void ThrowUnless(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{nameof(UnbindBreakdownBenchmarks)}: {problem}.");
        }
    }
}
