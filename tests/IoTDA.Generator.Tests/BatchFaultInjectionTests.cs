using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The generated batching method against a server that resets, cuts off, hangs and answers garbage at random
/// (a fixed seed, so a failure replays): whatever happens to a batch, every input ID is in the result once.
/// </summary>
public class BatchFaultInjectionTests
{
    private const string PolicyId = "5c90fa7d3c4e4405e8525079";
    private const int Runs = 40;
    private const int DistinctIds = 60;

    [Fact]
    public async Task Every_input_id_is_in_the_result_exactly_once_whatever_the_server_does()
    {
        await using var server = new FaultyServer(seed: 12);
        using var httpClient = new HttpClient();
        var client = new IoTDAClient(httpClient, new IoTDAClientOptions
        {
            Endpoint = server.Endpoint,
            ProjectId = "project-1",
            Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
            // A hung request costs one short attempt; the retry a reset earns comes without a wait.
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            Timeout = TimeSpan.FromSeconds(20),
            Retry = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
        });

        for (var run = 0; run < Runs; run++)
        {
            var ids = Enumerable.Range(0, DistinctIds).Select(i => $"dev_{run}_{i}").ToList();
            var input = ids.Concat(ids.Where((_, i) => i % 7 == 0)).ToList();

            var result = await client.UnbindDevicePolicyInBatchesAsync(PolicyId, TargetType.Device, input);

            var reported = result.SuccessTargets.Concat(result.FailureTargets.Select(f => f.TargetId!)).ToList();
            Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), reported.OrderBy(id => id, StringComparer.Ordinal));
        }

        Assert.All(Enum.GetValues<Fault>(), fault => Assert.True(server.Served.GetValueOrDefault(fault) > 0, fault + " was never served."));
    }
}
