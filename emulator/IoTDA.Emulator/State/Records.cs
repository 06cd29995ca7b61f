using System;
using System.Collections.Generic;

namespace IoTDA.Emulator.State;

internal sealed class StatementRecord
{
    public StatementRecord(string effect, IReadOnlyList<string> actions, IReadOnlyList<string> resources)
    {
        Effect = effect;
        Actions = actions;
        Resources = resources;
    }

    public string Effect { get; }

    public IReadOnlyList<string> Actions { get; }

    public IReadOnlyList<string> Resources { get; }
}

/// <summary>One target bound to one policy; <see cref="RecordId"/> orders and pages the policy's targets.</summary>
internal sealed class BindingRecord
{
    public BindingRecord(string recordId, string targetType, string targetId)
    {
        RecordId = recordId;
        TargetType = targetType;
        TargetId = targetId;
    }

    public string RecordId { get; }

    public string TargetType { get; }

    public string TargetId { get; }
}

internal sealed class PolicyRecord
{
    public PolicyRecord(string policyId, string appId, string name, IReadOnlyList<StatementRecord> statements, DateTimeOffset createTime)
    {
        PolicyId = policyId;
        AppId = appId;
        Name = name;
        Statements = statements;
        CreateTime = createTime;
        UpdateTime = createTime;
    }

    public string PolicyId { get; }

    public string AppId { get; }

    public string Name { get; set; }

    public IReadOnlyList<StatementRecord> Statements { get; set; }

    public DateTimeOffset CreateTime { get; }

    public DateTimeOffset UpdateTime { get; set; }

    /// <summary>Bound targets, oldest first (ascending record IDs).</summary>
    public List<BindingRecord> Targets { get; } = new();
}

/// <summary>
/// The policies, products and devices of one <c>Instance-Id</c>, each list oldest first (ascending policy and record
/// IDs).
/// </summary>
internal sealed class InstanceRecord
{
    public List<PolicyRecord> Policies { get; } = new();

    public List<ProductRecord> Products { get; } = new();

    public List<DeviceRecord> Devices { get; } = new();

    public PolicyRecord? Find(string policyId) => RecordKinds.Policy.Find(this, policyId);

    public ProductRecord? FindProduct(string productId) => RecordKinds.Product.Find(this, productId);

    public DeviceRecord? FindDevice(string deviceId) => RecordKinds.Device.Find(this, deviceId);
}
