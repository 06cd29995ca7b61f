using System;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>POST /v5/iot/{project_id}/device-policies/{policy_id}/bind</c>.</summary>
internal sealed class BindDevicePolicy : TargetBatchOperation
{
    protected override string PastParticiple => "bound";

    protected override void ChangeTarget(TargetBatch batch, string targetId)
    {
        if (batch.Bound(targetId) is not null)
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetAlreadyBound, "Invalid input. The target has already bound the device-policy.");
        }
        else if (!TargetExists(batch.Options, batch.TargetType, targetId))
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotFound, $"Invalid input. The {batch.TargetType} does not exist.");
        }
        else
        {
            batch.Bind(targetId);
            batch.Outcome.Succeeded.Add(targetId);
        }
    }

    private static bool TargetExists(IoTDAEmulatorOptions options, string targetType, string targetId)
    {
        if (options.TargetExists is { } exists)
        {
            return exists(targetType, targetId);
        }

        // Without the service's registry, an ID of the documented shape stands for a target that exists.
        return targetType switch
        {
            "device" => JsonInput.IsDeviceId(targetId),
            "product" => JsonInput.IsHexId(targetId),
            "app" => JsonInput.IsAppId(targetId),
            _ => throw new InvalidOperationException($"The target type '{targetType}' passed validation but has no existence rule."),
        };
    }
}
