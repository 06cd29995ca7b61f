using System;
using System.Collections.Generic;
using System.Text;

namespace IoTDA.Benchmarks;

/// <summary>The one request every benchmark here sends: unbind a device from a device policy.</summary>
internal static class UnbindRequest
{
    public const string Endpoint = "https://iotda.cn-north-4.myhuaweicloud.com";
    public const string Host = "iotda.cn-north-4.myhuaweicloud.com";
    public const string RegionId = "cn-north-4";
    public const string ProjectId = "0c4f3b2a9d8e47f6a5b4c3d2e1f0a9b8";
    public const string InstanceId = "3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c";
    public const string PolicyId = "5c90fa7d3c4e4405e8525079";
    public const string OperationId = "UnbindDevicePolicy";
    public const string PathTemplate = "/v5/iot/{project_id}/device-policies/{policy_id}/unbind";
    public const string Path = "/v5/iot/" + ProjectId + "/device-policies/" + PolicyId + "/unbind";
    public const string Url = Endpoint + Path;
    public const string TargetType = "device";
    public const string TargetId = "64a7ba7ef9cb063d27e16b97_123456";

    /// <summary>A fixed date, so the explicit-input signer always signs the same text.</summary>
    public const string SdkDate = "20260129T083000Z";

    // Made-up credentials of the usual shape (20-character AK, 40-character SK).
    public const string AccessKey = "BENCHMARKACCESSKEY00";
    public const string SecretKey = "benchmarkSecretKey0123456789abcdefghijkl";

    public static readonly byte[] Body =
        Encoding.UTF8.GetBytes("{\"target_type\":\"device\",\"target_ids\":[\"" + TargetId + "\"]}");

    /// <summary>The example 200 response in Huawei's UnbindDevicePolicy reference: two unbound, one failed.</summary>
    public static readonly byte[] ResponseBody = Encoding.UTF8.GetBytes(
        """
        {
          "policy_id" : "5c90fa7d3c4e4405e8525079",
          "target_type" : "device",
          "success_targets" : [ "64a7ba7ef9cb063d27e16b97_123456", "64a7ba7ef9cb063d27e16b97_123457" ],
          "failure_targets" : [ {
            "target_id" : "64a7ba7ef9cb063d27e16b97_123458",
            "error_code" : "IOTDA.015207",
            "error_msg" : "Invalid input. The target does not bind the device-policy."
          } ]
        }
        """);

    public const string ResponseRequestId = "a8b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";

    /// <summary>What the client's <c>User-Agent</c> looks like (the runtime's own builder).</summary>
    public static readonly string UserAgent = IoTDA.Runtime.UserAgent.Create(null);

    public static void ThrowIfNotExample(UnbindResult? result)
    {
        if (result is null ||
            result.PolicyId != PolicyId ||
            result.TargetType != TargetType ||
            result.SuccessTargets is not { Count: 2 } ||
            result.FailureTargets is not { Count: 1 } ||
            result.FailureTargets[0].ErrorCode != "IOTDA.015207")
        {
            throw new InvalidOperationException("The response was not read as the API reference's example.");
        }
    }
}

/// <summary>The request body, as a hand-written client would model it.</summary>
public sealed class UnbindRequestBody
{
    public string TargetType { get; set; } = string.Empty;

    public List<string> TargetIds { get; set; } = new();
}

/// <summary>The 200 response, shared by both call paths so they produce the same objects.</summary>
public sealed class UnbindResult
{
    public string? PolicyId { get; set; }

    public string? TargetType { get; set; }

    public List<string>? SuccessTargets { get; set; }

    public List<UnbindFailure>? FailureTargets { get; set; }
}

public sealed class UnbindFailure
{
    public string? TargetId { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMsg { get; set; }
}
