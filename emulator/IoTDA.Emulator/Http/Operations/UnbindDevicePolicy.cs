namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>POST /v5/iot/{project_id}/device-policies/{policy_id}/unbind</c>.</summary>
internal sealed class UnbindDevicePolicy : TargetBatchOperation
{
    protected override string PastParticiple => "unbound";

    protected override void ChangeTarget(TargetBatch batch, string targetId)
    {
        var bound = batch.BoundIndex(targetId);
        if (bound < 0)
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotBound, "Invalid input. The target does not bind the device-policy.");
            return;
        }

        batch.Policy.Targets.RemoveAt(bound);
        batch.Outcome.Succeeded.Add(targetId);
    }
}
