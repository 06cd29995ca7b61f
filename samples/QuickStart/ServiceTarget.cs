using System;
using IoTDA.Emulator;
using IoTDA.Runtime;

namespace IoTDA.QuickStart;

/// <summary>Where the quick start sends its calls: the real service when the environment names it, else the emulator.</summary>
internal sealed class ServiceTarget
{
    private ServiceTarget(IoTDAClientOptions options, string description)
    {
        Options = options;
        Description = description;
    }

    public IoTDAClientOptions Options { get; }

    public string Description { get; }

    /// <summary>
    /// The service named by <c>IOTDA_ENDPOINT</c>, <c>IOTDA_AK</c>, <c>IOTDA_SK</c> and <c>IOTDA_PROJECT_ID</c> (and
    /// optionally <c>IOTDA_REGION</c>, <c>IOTDA_INSTANCE_ID</c>); null when none of the four is set.
    /// </summary>
    public static ServiceTarget? FromEnvironment()
    {
        var endpoint = Variable("IOTDA_ENDPOINT");
        var accessKey = Variable("IOTDA_AK");
        var secretKey = Variable("IOTDA_SK");
        var projectId = Variable("IOTDA_PROJECT_ID");
        if (endpoint is null && accessKey is null && secretKey is null && projectId is null)
        {
            return null;
        }

        if (endpoint is null || accessKey is null || secretKey is null || projectId is null)
        {
            throw new ArgumentException(
                "IOTDA_ENDPOINT, IOTDA_AK, IOTDA_SK and IOTDA_PROJECT_ID go together: set all four to use a real service, or none for the embedded emulator.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            throw new ArgumentException($"IOTDA_ENDPOINT '{endpoint}' is not an absolute URI such as https://iotda.cn-north-4.myhuaweicloud.com.");
        }

        var options = new IoTDAClientOptions
        {
            Endpoint = endpointUri,
            RegionId = Variable("IOTDA_REGION"),
            ProjectId = projectId,
            InstanceId = Variable("IOTDA_INSTANCE_ID"),
            Credentials = new AkSkCredentials(accessKey, secretKey),
        };
        return new ServiceTarget(options, endpointUri.GetLeftPart(UriPartial.Authority) + " (from IOTDA_ENDPOINT)");
    }

    public static ServiceTarget From(IoTDAEmulator emulator)
    {
        var options = new IoTDAClientOptions
        {
            Endpoint = emulator.Endpoint,
            ProjectId = emulator.ProjectId,
            InstanceId = emulator.InstanceId,
            Credentials = new AkSkCredentials(emulator.AccessKey, emulator.SecretKey),
        };
        return new ServiceTarget(options, $"the embedded emulator at {emulator.Endpoint.GetLeftPart(UriPartial.Authority)} (set IOTDA_ENDPOINT, IOTDA_AK, IOTDA_SK, IOTDA_PROJECT_ID for a real service)");
    }

    private static string? Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
