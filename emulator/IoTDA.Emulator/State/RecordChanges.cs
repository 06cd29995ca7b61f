using System;
using System.IO;
using System.Text.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// Adds a record the instance does not hold yet. The line carries the whole record, so replaying it needs nothing but
/// the line.
/// </summary>
internal abstract class RecordCreated<T>(string instanceId, RecordKind<T> kind, T record) : StateChange(instanceId)
    where T : class
{
    protected sealed override void Apply(InstanceRecord instance)
    {
        if (kind.IndexOf(instance, kind.Id(record)) >= 0)
        {
            throw new InvalidDataException($"A {Kind} change adds the {kind.Name} {kind.Id(record)}, which instance '{InstanceId}' already holds.");
        }

        kind.Records(instance).Add(record);
    }

    protected sealed override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName(kind.Name);
        kind.Write(writer, record);
    }
}

/// <summary>Replaces a record, in its place, with the whole record as the change leaves it.</summary>
internal abstract class RecordUpdated<T>(string instanceId, RecordKind<T> kind, T record) : StateChange(instanceId)
    where T : class
{
    protected sealed override void Apply(InstanceRecord instance) => kind.Records(instance)[IndexOf(kind, instance, kind.Id(record))] = record;

    protected sealed override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName(kind.Name);
        kind.Write(writer, record);
    }
}

/// <summary>
/// Removes a product or a device, the records policies bind, and unbinds it from every policy, so no policy names a
/// target that is gone.
/// </summary>
internal abstract class TargetDeleted<T>(string instanceId, RecordKind<T> kind, string id) : StateChange(instanceId)
    where T : class
{
    protected sealed override void Apply(InstanceRecord instance)
    {
        kind.Records(instance).RemoveAt(IndexOf(kind, instance, id));
        foreach (var policy in instance.Policies)
        {
            policy.Targets.RemoveAll(target => target.TargetType == kind.Name && string.Equals(target.TargetId, id, StringComparison.Ordinal));
        }
    }

    protected sealed override void WriteMembers(Utf8JsonWriter writer) => writer.WriteString(kind.IdMember, id);
}
