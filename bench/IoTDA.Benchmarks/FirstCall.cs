using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Benchmarks.Floor;
using IoTDA.Runtime;

namespace IoTDA.Benchmarks;

/// <summary>
/// One process, one call: build a client, make its first unbind of 20 targets against the in-memory handler, check
/// the answer, exit. <c>cold-start.sh</c> times whole runs of this, so start-up and JIT are in the number.
/// </summary>
internal static class FirstCall
{
    public const string Argument = "--first-call";
    public const string Floor = "floor";
    public const string Generated = "generated";

    public static async Task<int> RunAsync(string variant)
    {
        using var httpClient = new HttpClient(new CannedResponseHandler());
        switch (variant)
        {
            case Floor:
                var floor = new FloorCall(httpClient, FloorCall.CreateSigner());
                UnbindRequest.ThrowIfNotExample(await floor.UnbindAsync(UnbindRequest.PolicyId, UnbindRequest.CreateFloorBody(), CancellationToken.None).ConfigureAwait(false));
                return 0;
            case Generated:
                var client = new IoTDAClient(
                    httpClient, UnbindRequest.ClientOptions(new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey)));
                UnbindRequest.ThrowIfNotExample(
                    await client.UnbindDevicePolicyAsync(UnbindRequest.PolicyId, UnbindRequest.CreateGeneratedBody(), cancellationToken: CancellationToken.None).ConfigureAwait(false));
                return 0;
            default:
                Console.Error.WriteLine($"Unknown variant '{variant}'; use {Floor} or {Generated}.");
                return 2;
        }
    }
}
