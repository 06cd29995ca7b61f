using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IoTDA.Benchmarks;

/// <summary>
/// The one request every benchmark here sends: unbind 20 devices (the most the API takes in one call) from a device
/// policy, and the answer the in-memory handlers give to it.
/// </summary>
internal static class UnbindRequest
{
    public const string Endpoint = "https://iotda.cn-north-4.myhuaweicloud.com";
    public const string Host = "iotda.cn-north-4.myhuaweicloud.com";
    public const string RegionId = "cn-north-4";
    public const string ProjectId = "0c4f3b2a9d8e47f6a5b4c3d2e1f0a9b8";
    public const string InstanceId = "3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c";
    public const string PolicyId = "5c90fa7d3c4e4405e8525079";
    public const string Path = "/v5/iot/" + ProjectId + "/device-policies/" + PolicyId + "/unbind";
    public const string Url = Endpoint + Path;
    public const string TargetType = "device";
    public const int TargetCount = 20;

    /// <summary>The error the API reference's example gives for a target that was never bound.</summary>
    public const string FailureCode = "IOTDA.015207";

    /// <summary>A fixed date, so the explicit-input signer always signs the same text.</summary>
    public const string SdkDate = "20260129T083000Z";

    // Made-up credentials of the usual shape (20-character AK, 40-character SK).
    public const string AccessKey = "BENCHMARKACCESSKEY00";
    public const string SecretKey = "benchmarkSecretKey0123456789abcdefghijkl";

    public const string IamToken = "iam-token";

    /// <summary>Device IDs shaped like the API reference's: one product, consecutive node IDs.</summary>
    public static readonly IReadOnlyList<string> TargetIds =
        Enumerable.Range(123456, TargetCount).Select(node => "64a7ba7ef9cb063d27e16b97_" + node).ToArray();

    /// <summary>The last target is the one the service reports as never bound.</summary>
    public static readonly string FailedTargetId = TargetIds[TargetCount - 1];

    public static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"target_type\":\"device\",\"target_ids\":[" + string.Join(",", TargetIds.Select(Quote)) + "]}");

    /// <summary>
    /// The example 200 response of Huawei's UnbindDevicePolicy reference, laid out as there, grown to answer all
    /// 20 targets: 19 unbound, the last one failed.
    /// </summary>
    public static readonly byte[] ResponseBody = Encoding.UTF8.GetBytes(
        "{\n" +
        "  \"policy_id\" : \"" + PolicyId + "\",\n" +
        "  \"target_type\" : \"" + TargetType + "\",\n" +
        "  \"success_targets\" : [ " + string.Join(", ", TargetIds.Take(TargetCount - 1).Select(Quote)) + " ],\n" +
        "  \"failure_targets\" : [ {\n" +
        "    \"target_id\" : \"" + FailedTargetId + "\",\n" +
        "    \"error_code\" : \"" + FailureCode + "\",\n" +
        "    \"error_msg\" : \"Invalid input. The target does not bind the device-policy.\"\n" +
        "  } ]\n" +
        "}");

    public const string ResponseRequestId = "a8b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";

    /// <summary>What the client's <c>User-Agent</c> looks like (the runtime's own builder).</summary>
    public static readonly string UserAgent = IoTDA.Runtime.UserAgent.Create(null);

    /// <summary>The body as the hand-written floor models it.</summary>
    public static UnbindRequestBody CreateFloorBody() => new() { TargetType = TargetType, TargetIds = TargetIds.ToList() };

    /// <summary>The body as the generated client models it.</summary>
    public static DevicePolicyTargetsRequestBody CreateGeneratedBody() => new() { TargetType = IoTDA.TargetType.Device, TargetIds = TargetIds };

    /// <summary>The generated client's options for this endpoint, project and instance.</summary>
    public static IoTDA.Runtime.IoTDAClientOptions ClientOptions(IoTDA.Runtime.IoTDACredentials credentials) => new()
    {
        Endpoint = new Uri(Endpoint),
        ProjectId = ProjectId,
        InstanceId = InstanceId,
        Credentials = credentials,
        LoggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
    };

    public static void ThrowIfNotExample(UnbindResult? result)
    {
        if (result is null)
        {
            throw new InvalidOperationException("The call returned no result.");
        }

        var failure = result.FailureTargets is { Count: 1 } failures ? failures[0] : null;
        ThrowIfNotExample(result.PolicyId, result.TargetType, result.SuccessTargets, failure?.TargetId, failure?.ErrorCode);
    }

    public static void ThrowIfNotExample(DevicePolicyBindOrUnbindResult? result)
    {
        if (result is null)
        {
            throw new InvalidOperationException("The call returned no result.");
        }

        var failure = result.FailureTargets.Count == 1 ? result.FailureTargets[0] : null;
        ThrowIfNotExample(result.PolicyId, result.TargetType?.ToString(), result.SuccessTargets, failure?.TargetId, failure?.ErrorCode);
    }

    private static void ThrowIfNotExample(
        string? policyId, string? targetType, IReadOnlyList<string>? succeeded, string? failedTarget, string? failureCode)
    {
        if (policyId != PolicyId ||
            targetType != TargetType ||
            succeeded is null ||
            !succeeded.SequenceEqual(TargetIds.Take(TargetCount - 1)) ||
            failedTarget != FailedTargetId ||
            failureCode != FailureCode)
        {
            throw new InvalidOperationException("The response was not read as the example answer for 20 targets.");
        }
    }

    private static string Quote(string value) => "\"" + value + "\"";
}

/// <summary>The request body, as a hand-written client would model it.</summary>
public sealed class UnbindRequestBody
{
    public string TargetType { get; set; } = string.Empty;

    public List<string> TargetIds { get; set; } = new();
}

/// <summary>The 200 response, as a hand-written client would model it.</summary>
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
