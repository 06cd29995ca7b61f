using System;
using System.Collections.Generic;
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
            var batch = new TargetBatch(instance, Existing(instance, policyId), targetType, () => ids.Next(now), call.Options);
            foreach (var targetId in targetIds)
            {
                ChangeTarget(batch, targetId);
            }

            return new ChangeResult<BindOutcome>(
                batch.Outcome, batch.Outcome.Succeeded.Count > 0 ? new TargetsChanged(call.InstanceId, batch.Policy.PolicyId, batch.Added, batch.Removed) : null);
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteBindOutcome(writer, outcome));
    }

    /// <summary>Changes one target of the batch and records its success or failure in the batch's outcome.</summary>
    protected abstract void ChangeTarget(TargetBatch batch, string targetId);
}

/// <summary>
/// One bind or unbind call inside the state's lock: the instance (which says which targets exist), the policy, the
/// checked target type, the result so far, and the bindings to add and remove once the change is written. The policy
/// itself is left as it is until then.
/// </summary>
internal sealed class TargetBatch(InstanceRecord instance, PolicyRecord policy, string targetType, Func<string> nextRecordId, IoTDAEmulatorOptions options)
{
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    public InstanceRecord Instance { get; } = instance;

    public PolicyRecord Policy { get; } = policy;

    public string TargetType { get; } = targetType;

    public IoTDAEmulatorOptions Options { get; } = options;

    public BindOutcome Outcome { get; } = new(policy.PolicyId, targetType);

    public List<BindingRecord> Added { get; } = new();

    public List<string> Removed { get; } = new();

    /// <summary>The target's binding as this call leaves it so far; null when it is not bound.</summary>
    public BindingRecord? Bound(string targetId)
    {
        foreach (var target in Added)
        {
            if (IsTarget(target, targetId))
            {
                return target;
            }
        }

        return Policy.Targets.Find(target => IsTarget(target, targetId) && !_removed.Contains(target.RecordId));
    }

    /// <summary>Binds the target under a new record ID, newer than every ID handed out before.</summary>
    public void Bind(string targetId) => Added.Add(new BindingRecord(nextRecordId(), TargetType, targetId));

    public void Unbind(BindingRecord binding)
    {
        _removed.Add(binding.RecordId);
        Removed.Add(binding.RecordId);
    }

    private bool IsTarget(BindingRecord target, string targetId) => target.TargetType == TargetType && target.TargetId == targetId;
}
