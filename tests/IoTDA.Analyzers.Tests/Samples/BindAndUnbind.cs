using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoTDA;
using IoTDA.Runtime;

namespace Samples;

public sealed class BindAndUnbind
{
    private const string PolicyId = "0123456789abcdef01234567";
    private const string Kind = "devices";
    private const int Size = 25;

    public async Task RunAsync(IIoTDAClient client, string[] known, bool flag, CancellationToken ct)
    {
        await client.UnbindDevicePolicyAsync(PolicyId, new DevicePolicyTargetsRequestBody
        {
            TargetType = "devices",
            TargetIds = ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21"],
        }, cancellationToken: ct);

        var body = new DevicePolicyTargetsRequestBody { TargetType = flag ? Kind : TargetType.App, TargetIds = new string[Size] };
        body.TargetIds = new List<string> { "a", "b" };
        body.TargetIds = [.. known, .. new[] { "x", "y" }];
        await client.BindDevicePolicyAsync(policyId: PolicyId, body: new() { TargetType = $"{Kind}", TargetIds = flag ? new[] { "a" } : known }, instanceId: "i");
        await client.BindDevicePolicyInBatchesAsync(PolicyId, TargetType.Device, known.Concat(["z"]), new Progress<BatchProgress>(p => Console.WriteLine(p)));
        Func<Task> later = async () => await client.DeleteDevicePolicyAsync("not-hex");
        await later();
        await Local(50);

        async Task Local(int limit) => await client.ListDevicePoliciesAsync(limit: limit > 10 ? 100 : 0, offset: 501, policyName: "name");
    }
}
