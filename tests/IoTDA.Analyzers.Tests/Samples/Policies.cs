using System.Collections.Generic;
using System.Threading.Tasks;
using IoTDA;

namespace Samples;

public static class Policies
{
    private const string Prefix = "topic:/v1/";

    public static Task<DevicePolicy> CreateAsync(IoTDAClient client) =>
        client.CreateDevicePolicyAsync(new CreateDevicePolicyRequestBody
        {
            PolicyName = "bad name with spaces and far too long for the service to accept it as a policy name of any kind at all, really, not even on a good day with the wind behind it",
            AppId = "app_1",
            Statement =
            [
                new DevicePolicyStatement { Effect = "allow", Actions = ["iotda:devices:publish"], Resources = [] },
                new DevicePolicyStatement { Effect = Effect.Deny, Actions = ["iotda:devices:subscribe"], Resources = [Prefix + "a", $"{Prefix}b"] },
            ],
        });

    public static async IAsyncEnumerable<DevicePolicyTarget> TargetsAsync(IoTDAClient client, string id)
    {
        await foreach (var target in client.ShowTargetsInDevicePolicyAllAsync(id, targetType: "Product", limit: 51))
        {
            yield return target;
        }

        var page = await client.ShowTargetsInDevicePolicyAsync(id, new ShowTargetsInDevicePolicyRequestBody { Limit = 0, Marker = "zz", Offset = 10 });
        foreach (var target in page.Targets)
        {
            yield return target;
        }
    }
}
