using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using IoTDA;
using IoTDA.Runtime;

var server = new StubServer(HttpStatusCode.NoContent, "");
var client = new IoTDAClient(new HttpClient(server), new IoTDAClientOptions
{
    Endpoint = new Uri("https://iotda.example.test"),
    ProjectId = "project-1",
    InstanceId = "instance-1",
    Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
});

// The operation added to this project's copy of the spec.
await client.ResetDevicePolicyAsync("5c90fa7d3c4e4405e8525079");

// The copy allows 5 target IDs per call where the bundled spec allows 20.
try
{
    await client.UnbindDevicePolicyAsync(
        "5c90fa7d3c4e4405e8525079",
        new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = Enumerable.Range(1, 6).Select(i => "id-" + i).ToArray() });
    Console.WriteLine("six ids: sent");
}
catch (ArgumentException exception)
{
    Console.WriteLine("six ids: " + exception.GetType().Name + ": " + exception.Message.Split('\n')[0]);
}
Console.WriteLine("requests sent: " + server.Requests);
