using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using IoTDA.Benchmarks.Floor;
using IoTDA.Benchmarks.Loopback;
using IoTDA.Runtime;
using static IoTDA.Benchmarks.SentRequestChecks;

namespace IoTDA.Benchmarks;

/// <summary>
/// The unbind of 20 targets over real HTTP to an in-process Kestrel server on loopback: what a user sees, sockets,
/// HTTP/1.1 framing and the server's turn included. The floor (baseline) and the generated client send through
/// the same kind of <see cref="SocketsHttpHandler"/> with a warm connection each, to a server that answers both alike.
/// </summary>
[MemoryDiagnoser]
public class UnbindLoopbackBenchmarks
{
    private static readonly UnbindRequestBody FloorBody = UnbindRequest.CreateFloorBody();
    private static readonly DevicePolicyTargetsRequestBody GeneratedBody = UnbindRequest.CreateGeneratedBody();

    private LoopbackServer _server = null!;
    private HttpClient _floorHttp = null!;
    private HttpClient _clientHttp = null!;
    private FloorCall _floor = null!;
    private IoTDAClient _client = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LoopbackServer.StartAsync();
        _floorHttp = new HttpClient(new SocketsHttpHandler());
        _clientHttp = new HttpClient(new SocketsHttpHandler());
        _floor = new FloorCall(_floorHttp, FloorCall.CreateSigner(), _server.Endpoint);
        var options = UnbindRequest.ClientOptions(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey));
        options.Endpoint = new Uri(_server.Endpoint);
        _client = new IoTDAClient(_clientHttp, options);

        var floor = await _server.Capture.CheckedAsync(Floor, UnbindRequest.ThrowIfNotExample);
        ThrowIfNotSignedAsTheSdkSigns(floor, nameof(Floor), TransportHeaders);
        ThrowIfBodyDiffers(floor, nameof(Floor));

        var sent = await _server.Capture.CheckedAsync(GeneratedClient, UnbindRequest.ThrowIfNotExample);
        ThrowIfNotSignedAsTheSdkSigns(sent, nameof(GeneratedClient), TransportHeaders);
        ThrowIfBodyDiffers(sent, nameof(GeneratedClient));
        ThrowIfNotExpected(SignedHeadersOf(sent) == SignedHeadersOf(floor), nameof(GeneratedClient), "signed other headers than the floor");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _floorHttp.Dispose();
        _clientHttp.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<UnbindResult> Floor() => _floor.UnbindAsync(UnbindRequest.PolicyId, FloorBody, CancellationToken.None);

    [Benchmark]
    public Task<DevicePolicyBindOrUnbindResult> GeneratedClient() =>
        _client.UnbindDevicePolicyAsync(UnbindRequest.PolicyId, GeneratedBody, cancellationToken: CancellationToken.None);
}
