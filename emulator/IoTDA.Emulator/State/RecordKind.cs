using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTDA.Emulator.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// How an instance keeps one kind of record: the list it is in, its ID and how IDs compare, and how the state file
/// and its journal write it. Every lookup by ID, at run time, in the state file and in the journal, goes through
/// here, so a kind's ID rule is stated once and cannot differ between answering a call and replaying it.
/// </summary>
internal sealed class RecordKind<T>(
    string name, Func<InstanceRecord, List<T>> records, Func<T, string> id, StringComparison idComparison, Action<Utf8JsonWriter, T> write)
    where T : class
{
    /// <summary>
    /// The word the journal and its messages name the kind by (<c>policy</c>, <c>product</c>, <c>device</c>): the
    /// member a journal line holds the record in, and the start of its ID member. For products and devices it is also
    /// the target type policies bind them as.
    /// </summary>
    public string Name { get; } = name;

    /// <summary>The member that holds the ID: <c>policy_id</c>, <c>product_id</c>, <c>device_id</c>.</summary>
    public string IdMember => Name + "_id";

    /// <summary>The instance's records of this kind, oldest first.</summary>
    public List<T> Records(InstanceRecord instance) => records(instance);

    public string Id(T record) => id(record);

    /// <summary>Where the instance holds the record with this ID; -1 when it holds none.</summary>
    public int IndexOf(InstanceRecord instance, string recordId) =>
        records(instance).FindIndex(record => string.Equals(id(record), recordId, idComparison));

    public T? Find(InstanceRecord instance, string recordId)
    {
        var index = IndexOf(instance, recordId);
        return index < 0 ? null : records(instance)[index];
    }

    /// <summary>The record in the state file's shape.</summary>
    public void Write(Utf8JsonWriter writer, T record) => write(writer, record);
}

internal static class RecordKinds
{
    /// <summary>Policy IDs are 24 hex digits, which name the same policy in either case.</summary>
    public static readonly RecordKind<PolicyRecord> Policy = new(
        "policy", instance => instance.Policies, policy => policy.PolicyId, StringComparison.OrdinalIgnoreCase,
        static (writer, policy) => PolicyJson.Write(writer, policy, PolicyJsonShape.StateFile));

    /// <summary>Product IDs are the caller's or 24 hex digits the emulator handed out in lowercase: compared as they are.</summary>
    public static readonly RecordKind<ProductRecord> Product = new(
        "product", instance => instance.Products, product => product.ProductId, StringComparison.Ordinal,
        static (writer, product) => ProductJson.Write(writer, product, ResourceForm.StateFile));

    public static readonly RecordKind<DeviceRecord> Device = new(
        "device", instance => instance.Devices, device => device.DeviceId, StringComparison.Ordinal,
        static (writer, device) => DeviceJson.Write(writer, device, productName: null, ResourceForm.StateFile));
}
