using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using IoTDA.Benchmarks.Floor;
using IoTDA.Runtime;
using static IoTDA.Benchmarks.SentRequestChecks;

namespace IoTDA.Benchmarks;

/// <summary>
/// One unbind of 20 targets, start to finish, against an in-memory handler that answers with the API reference's
/// example grown to 20 targets, so the numbers are the client's own cost and no network's.
/// <list type="bullet">
/// <item><see cref="Floor"/> (baseline): the least a correct hand-written call does, signature included.</item>
/// <item><see cref="Floor_Unsigned"/>: the same without authentication, a second reference.</item>
/// <item><see cref="GeneratedClient"/>: what users run, <c>IoTDAClient.UnbindDevicePolicyAsync</c> from the bundled spec.</item>
/// <item><see cref="GeneratedClient_NoRetries"/>, <see cref="GeneratedClient_TokenAuth"/>: the same client with the
/// retry strategies, or AK/SK signing, taken away, to show what each costs.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class UnbindCallBenchmarks
{
    private static readonly UnbindRequestBody FloorBody = UnbindRequest.CreateFloorBody();
    private static readonly DevicePolicyTargetsRequestBody GeneratedBody = UnbindRequest.CreateGeneratedBody();

    private readonly CannedResponseHandler _handler = new();
    private HttpClient _httpClient = null!;
    private FloorCall _floor = null!;
    private FloorCall _floorUnsigned = null!;
    private IoTDAClient _client = null!;
    private IoTDAClient _clientWithoutRetries = null!;
    private IoTDAClient _clientWithToken = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _httpClient = new HttpClient(_handler);
        _floor = new FloorCall(_httpClient, FloorCall.CreateSigner());
        _floorUnsigned = new FloorCall(_httpClient, signer: null);
        _client = new IoTDAClient(_httpClient, UnbindRequest.ClientOptions(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey)));
        var withoutRetries = UnbindRequest.ClientOptions(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey));
        withoutRetries.Retry = new IoTDARetryOptions { MaxRetries = 0 };
        _clientWithoutRetries = new IoTDAClient(_httpClient, withoutRetries);
        _clientWithToken = new IoTDAClient(_httpClient, UnbindRequest.ClientOptions(new TokenCredentials(UnbindRequest.IamToken)));

        var floor = await _handler.Capture.CheckedAsync(Floor, UnbindRequest.ThrowIfNotExample);
        ThrowIfNotSignedAsTheSdkSigns(floor, nameof(Floor));
        ThrowIfBodyDiffers(floor, nameof(Floor));

        var unsigned = await _handler.Capture.CheckedAsync(Floor_Unsigned, UnbindRequest.ThrowIfNotExample);
        ThrowIfNotExpected(unsigned.Authorization is null, nameof(Floor_Unsigned), "sent an Authorization header");

        foreach (var (name, call) in new (string, Func<Task<DevicePolicyBindOrUnbindResult>>)[]
                 {
                     (nameof(GeneratedClient), GeneratedClient),
                     (nameof(GeneratedClient_NoRetries), GeneratedClient_NoRetries),
                 })
        {
            var sent = await _handler.Capture.CheckedAsync(call, UnbindRequest.ThrowIfNotExample);
            ThrowIfNotSignedAsTheSdkSigns(sent, name);
            ThrowIfBodyDiffers(sent, name);
            ThrowIfNotExpected(SignedHeadersOf(sent) == SignedHeadersOf(floor), name, "signed other headers than the floor");
        }

        var token = await _handler.Capture.CheckedAsync(GeneratedClient_TokenAuth, UnbindRequest.ThrowIfNotExample);
        ThrowIfNotExpected(
            token.Authorization is null && token.Headers.Any(header => header.Key == "X-Auth-Token" && header.Value == UnbindRequest.IamToken),
            nameof(GeneratedClient_TokenAuth),
            "did not authenticate with the token alone");
    }

    [GlobalCleanup]
    public void Cleanup() => _httpClient.Dispose();

    [Benchmark(Baseline = true)]
    public Task<UnbindResult> Floor() => _floor.UnbindAsync(UnbindRequest.PolicyId, FloorBody, CancellationToken.None);

    [Benchmark]
    public Task<UnbindResult> Floor_Unsigned() => _floorUnsigned.UnbindAsync(UnbindRequest.PolicyId, FloorBody, CancellationToken.None);

    [Benchmark]
    public Task<DevicePolicyBindOrUnbindResult> GeneratedClient() =>
        _client.UnbindDevicePolicyAsync(UnbindRequest.PolicyId, GeneratedBody, cancellationToken: CancellationToken.None);

    /// <summary>No retry strategies in the pipeline: what the retry layer costs a call that succeeds at once.</summary>
    [Benchmark]
    public Task<DevicePolicyBindOrUnbindResult> GeneratedClient_NoRetries() =>
        _clientWithoutRetries.UnbindDevicePolicyAsync(UnbindRequest.PolicyId, GeneratedBody, cancellationToken: CancellationToken.None);

    /// <summary>An IAM token instead of AK/SK: the client's cost without signing (the floor it is compared with does sign).</summary>
    [Benchmark]
    public Task<DevicePolicyBindOrUnbindResult> GeneratedClient_TokenAuth() =>
        _clientWithToken.UnbindDevicePolicyAsync(UnbindRequest.PolicyId, GeneratedBody, cancellationToken: CancellationToken.None);
}
