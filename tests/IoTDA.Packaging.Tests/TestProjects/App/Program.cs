using System;
using System.Net.Http;
using IoTDA;
using IoTDA.Runtime;

var options = new IoTDAClientOptions
{
    Endpoint = new Uri("https://iotda.example.test"),
    ProjectId = "project-1",
    Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
};
IoTDAClient client = Library.PolicyClients.Create(new HttpClient(), options);
var body = new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { "id-1" } };
Console.WriteLine("client from: " + client.GetType().Assembly.GetName().Name);
Console.WriteLine("body from: " + body.GetType().Assembly.GetName().Name);
