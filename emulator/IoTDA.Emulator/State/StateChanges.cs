using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IoTDA.Emulator.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// One change to one instance, decided before anything is changed: the journal writes it, and only once it is on
/// disk is it applied, by the same code that replays it at start, so memory and file cannot disagree.
/// </summary>
internal abstract class StateChange(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>Makes the change; a change that does not fit the state means the journal does not belong to it.</summary>
    public void Apply(Dictionary<string, InstanceRecord> instances)
    {
        if (!instances.TryGetValue(InstanceId, out var instance))
        {
            instance = new InstanceRecord();
            instances.Add(InstanceId, instance);
        }

        Apply(instance);
    }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("change", Kind);
        writer.WriteString("instance_id", InstanceId);
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    /// <summary>Reads a journal line written by <see cref="Write"/>.</summary>
    public static StateChange Read(JsonElement line, StateReader reader)
    {
        var instanceId = reader.String(line, "instance_id", string.Empty);
        var kind = reader.String(line, "change", string.Empty);
        return kind switch
        {
            PolicyCreated.Name => new PolicyCreated(instanceId, Carried(line, reader, RecordKinds.Policy, reader.Policy)),
            PolicyUpdated.Name => new PolicyUpdated(
                instanceId, reader.HexId(line, "policy_id", string.Empty), reader.String(line, "policy_name", string.Empty),
                reader.Statements(line, string.Empty), reader.Time(line, "update_time", string.Empty)),
            PolicyDeleted.Name => new PolicyDeleted(instanceId, reader.HexId(line, "policy_id", string.Empty)),
            TargetsChanged.Name => ReadTargets(line, reader, instanceId),
            ProductCreated.Name => new ProductCreated(instanceId, Carried(line, reader, RecordKinds.Product, reader.Product)),
            ProductUpdated.Name => new ProductUpdated(instanceId, Carried(line, reader, RecordKinds.Product, reader.Product)),
            ProductDeleted.Name => new ProductDeleted(instanceId, reader.String(line, RecordKinds.Product.IdMember, string.Empty)),
            DeviceCreated.Name => new DeviceCreated(instanceId, Carried(line, reader, RecordKinds.Device, reader.Device)),
            DeviceUpdated.Name => new DeviceUpdated(instanceId, Carried(line, reader, RecordKinds.Device, reader.Device)),
            DeviceDeleted.Name => new DeviceDeleted(instanceId, reader.String(line, RecordKinds.Device.IdMember, string.Empty)),
            _ => throw reader.Invalid("change", "one of " + string.Join(", ", Kinds), "'" + kind + "'"),
        };
    }

    private static readonly string[] Kinds =
    [
        PolicyCreated.Name, PolicyUpdated.Name, PolicyDeleted.Name, TargetsChanged.Name,
        ProductCreated.Name, ProductUpdated.Name, ProductDeleted.Name, DeviceCreated.Name, DeviceUpdated.Name, DeviceDeleted.Name,
    ];

    protected abstract string Kind { get; }

    protected abstract void Apply(InstanceRecord instance);

    protected abstract void WriteMembers(Utf8JsonWriter writer);

    protected PolicyRecord Existing(InstanceRecord instance, string policyId) => instance.Policies[IndexOf(RecordKinds.Policy, instance, policyId)];

    /// <summary>Where the instance holds the record, or the error saying the journal names a record the state lacks.</summary>
    protected int IndexOf<T>(RecordKind<T> kind, InstanceRecord instance, string id)
        where T : class
    {
        var index = kind.IndexOf(instance, id);
        return index >= 0 ? index : throw new InvalidDataException($"A {Kind} change names the {kind.Name} {id}, which instance '{InstanceId}' does not hold.");
    }

    /// <summary>The record a create or update line carries, in the member named after its kind.</summary>
    private static T Carried<T>(JsonElement line, StateReader reader, RecordKind<T> kind, Func<JsonElement, string, T> read)
        where T : class =>
        read(reader.Member(line, kind.Name, string.Empty, JsonValueKind.Object, "an object"), kind.Name);

    private static TargetsChanged ReadTargets(JsonElement line, StateReader reader, string instanceId)
    {
        var added = new List<BindingRecord>();
        foreach (var (item, where) in reader.Items(line, "added", string.Empty))
        {
            added.Add(reader.Binding(item, where));
        }

        var removed = new List<string>();
        foreach (var (item, where) in reader.Items(line, "removed", string.Empty))
        {
            removed.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw reader.Invalid(where, "a record ID", item.GetRawText()));
        }

        return new TargetsChanged(instanceId, reader.HexId(line, "policy_id", string.Empty), added, removed);
    }
}

internal sealed class PolicyCreated(string instanceId, PolicyRecord policy) : RecordCreated<PolicyRecord>(instanceId, RecordKinds.Policy, policy)
{
    public const string Name = "create";

    protected override string Kind => Name;
}

internal sealed class PolicyUpdated(string instanceId, string policyId, string name, IReadOnlyList<StatementRecord> statements, DateTimeOffset updateTime)
    : StateChange(instanceId)
{
    public const string Name = "update";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        var policy = Existing(instance, policyId);
        policy.Name = name;
        policy.Statements = statements;
        policy.UpdateTime = updateTime;
    }

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("policy_id", policyId);
        writer.WriteString("policy_name", name);
        PolicyJson.WriteStatements(writer, statements);
        writer.WriteString("update_time", PolicyJsonShape.StateFile.FormatTime(updateTime));
    }
}

internal sealed class PolicyDeleted(string instanceId, string policyId) : StateChange(instanceId)
{
    public const string Name = "delete";

    protected override string Kind => Name;

    // The bindings live on the policy, so removing it unbinds every target.
    protected override void Apply(InstanceRecord instance) => instance.Policies.Remove(Existing(instance, policyId));

    protected override void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("policy_id", policyId);
}

/// <summary>A bind or an unbind: the bindings one call added and the record IDs of those it removed.</summary>
internal sealed class TargetsChanged(string instanceId, string policyId, IReadOnlyList<BindingRecord> added, IReadOnlyList<string> removed)
    : StateChange(instanceId)
{
    public const string Name = "targets";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        var policy = Existing(instance, policyId);
        if (removed.Count > 0)
        {
            var recordIds = new HashSet<string>(removed, StringComparer.Ordinal);
            policy.Targets.RemoveAll(target => recordIds.Contains(target.RecordId));
        }

        policy.Targets.AddRange(added);
    }

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("policy_id", policyId);
        PolicyJson.WriteTargets(writer, "added", added);
        JsonOutput.WriteStrings(writer, "removed", removed);
    }
}
