namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>POST /v5/iot/{project_id}/device-policies/{policy_id}/unbind</c>. A target that is not bound fails as not
/// bound, or, in strict mode, as not existing when it does not.
/// </summary>
internal sealed class UnbindDevicePolicy : TargetBatchOperation
{
    protected override string PastParticiple => "unbound";

    protected override void ChangeTarget(TargetBatch batch, string targetId)
    {
        if (batch.Bound(targetId) is { } bound)
        {
            batch.Unbind(bound);
            batch.Outcome.Succeeded.Add(targetId);
        }
        else if (batch.Options.StrictTargets && !TargetExistence.Exists(batch.Instance, batch.Options, batch.TargetType, targetId))
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotFound, $"Invalid input. The {batch.TargetType} {targetId} does not exist.");
        }
        else
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotBound, "Invalid input. The target does not bind the device-policy.");
        }
    }
}
