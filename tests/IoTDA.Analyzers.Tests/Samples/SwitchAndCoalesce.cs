using System;
using System.Threading.Tasks;
using IoTDA;

namespace Samples;

public static class SwitchAndCoalesce
{
    private const string Fallback = "apps";

    public static async Task RunAsync(IoTDAClient client, string? kind, string[]? ids, int? limit, int mode)
    {
        var body = new DevicePolicyTargetsRequestBody
        {
            TargetType = mode switch { 0 => TargetType.Device, 1 => "products", _ => kind ?? Fallback },
            TargetIds = ids ?? mode switch { > 1 => [], _ => ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21"] },
        };
        await client.BindDevicePolicyAsync("0123456789abcdef01234567", body);
        await client.ListDevicePoliciesAsync(limit: limit ?? (mode is 0 ? 0 : mode switch { 1 => 10, _ => throw new ArgumentOutOfRangeException(nameof(mode)) }));
        await client.ShowDevicePolicyAsync((string?)null ?? mode switch { 0 => "not-hex", _ => "0123456789abcdef01234567" });
        var statement = new DevicePolicyStatement { Effect = Effect.Allow, Actions = ["iotda:devices:publish"], Resources = mode switch { 0 => [], _ => ["topic:/a"] } };
        await client.CreateDevicePolicyAsync(new CreateDevicePolicyRequestBody { PolicyName = kind ?? "this name is far too long for the service: it goes on and on past one hundred and twenty-eight characters, which is the most it takes", Statement = [statement] });
    }
}
