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
        else if (!TargetExistence.Exists(batch.Instance, batch.Options, batch.TargetType, targetId))
        {
            batch.Outcome.Fail(targetId, EmulatorErrorCodes.TargetNotFound, $"Invalid input. The {batch.TargetType} {targetId} does not exist.");
        }
        else
        {
            batch.Bind(targetId);
            batch.Outcome.Succeeded.Add(targetId);
        }
    }
}
