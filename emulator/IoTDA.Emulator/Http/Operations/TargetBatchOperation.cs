using System;
using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// Binding and unbinding read the same body and answer in the same shape; they differ only in what happens to each
/// target. A target that cannot be changed fails on its own, so the call is a 200 even when every target fails.
/// </summary>
internal abstract class TargetBatchOperation : DevicePolicyOperation
{
    /// <summary>"bound" or "unbound", for the message on too many IDs.</summary>
    protected abstract string PastParticiple { get; }

    public sealed override ApiResponse Handle(OperationCall call)
    {
        var policyId = call.PolicyId();
        using var document = call.Body(optional: false)!;
        var root = document.RootElement;
        var targetType = JsonInput.TargetType(JsonInput.OptionalString(root, "target_type"), "target_type");
        var targetIds = JsonInput.RequiredStringArray(root, "target_ids");
        if (targetIds.Count == 0 || targetIds.Count > MaxTargetIdsPerCall)
        {
            throw ApiError.InvalidInput(
                $"target_ids must hold 1 to {MaxTargetIdsPerCall} IDs; a maximum of {MaxTargetIdsPerCall} IDs can be {PastParticiple} at a time, and {targetIds.Count} were sent.");
        }

        var now = call.Now();
        var outcome = call.State.Change(call.InstanceId, (instance, ids) =>
        {
            var batch = new TargetBatch(Existing(instance, policyId), targetType, () => ids.Next(now), call.Options);
            foreach (var targetId in targetIds)
            {
                ChangeTarget(batch, targetId);
            }

            return new ChangeResult<BindOutcome>(batch.Outcome, changed: batch.Outcome.Succeeded.Count > 0);
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteBindOutcome(writer, outcome));
    }

    /// <summary>Changes one target of the batch and records its success or failure in the batch's outcome.</summary>
    protected abstract void ChangeTarget(TargetBatch batch, string targetId);
}

/// <summary>One bind or unbind call inside the state's lock: the policy, the checked target type, the result so far.</summary>
internal sealed class TargetBatch(PolicyRecord policy, string targetType, Func<string> nextRecordId, IoTDAEmulatorOptions options)
{
    public PolicyRecord Policy { get; } = policy;

    public string TargetType { get; } = targetType;

    public IoTDAEmulatorOptions Options { get; } = options;

    public BindOutcome Outcome { get; } = new(policy.PolicyId, targetType);

    /// <summary>A new binding record ID, newer than every ID handed out before.</summary>
    public string NextRecordId() => nextRecordId();

    /// <summary>Where the target is in the policy's targets; negative when it is not bound.</summary>
    public int BoundIndex(string targetId) =>
        Policy.Targets.FindIndex(target => target.TargetType == TargetType && target.TargetId == targetId);
}
