using System.Net.Http;
using IoTDA;
using IoTDA.Runtime;

var client = new IoTDAClient(new HttpClient(), new IoTDAClientOptions());
var update = new UpdateDevicePolicyRequestBody { PolicyName = "ok_name", Statement = [] };
await client.UpdateDevicePolicyAsync("0123456789abcdef0123456", update);
string[] ids = new string[30];
await client.UnbindDevicePolicyAsync("0123456789abcdef01234567", new() { TargetType = TargetType.Product, TargetIds = ids });
await client.UnbindDevicePolicyAsync("0123456789abcdef01234567", new() { TargetType = " app", TargetIds = new string[] { "p1", "p2" } });
#pragma warning disable IOTDA004
await client.ListDevicePoliciesAsync(limit: 1000);
#pragma warning restore IOTDA004
