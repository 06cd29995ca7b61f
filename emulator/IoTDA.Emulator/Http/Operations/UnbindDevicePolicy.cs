namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>POST /v5/iot/{project_id}/device-policies/{policy_id}/unbind</c>.</summary>
internal sealed class UnbindDevicePolicy : TargetBatchOperation
{
    protected override string PastParticiple => "unbound";

    protected override void ChangeTarget(TargetBatch batch, string targetId)
    {
        if (batch.Bound(targetId) is not { } bound)
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotBound, "Invalid input. The target does not bind the device-policy.");
            return;
        }

        batch.Unbind(bound);
        batch.Outcome.Succeeded.Add(targetId);
    }
}
