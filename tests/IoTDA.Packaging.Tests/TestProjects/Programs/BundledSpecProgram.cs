using System;
using System.Net;
using System.Net.Http;
using IoTDA;
using IoTDA.Runtime;

var server = new StubServer(HttpStatusCode.OK, """
    {"policy_id":"5c90fa7d3c4e4405e8525079","target_type":"device","success_targets":["id-1"],
     "failure_targets":[{"target_id":"id-2","error_code":"IOTDA.015207","error_msg":"Not bound."}]}
    """);
var client = new IoTDAClient(new HttpClient(server), new IoTDAClientOptions
{
    Endpoint = new Uri("https://iotda.example.test"),
    ProjectId = "project-1",
    InstanceId = "instance-1",
    Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
});

var result = await client.UnbindDevicePolicyAsync(
    "5c90fa7d3c4e4405e8525079",
    new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { "id-1", "id-2" } });

Console.WriteLine("result success: " + string.Join(",", result.SuccessTargets));
foreach (var failure in result.FailureTargets)
{
    Console.WriteLine("result failure: " + failure.TargetId + " " + failure.ErrorCode);
}
