using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// The whole state as one JSON document (the snapshot <see cref="StateStore"/> compacts to), read with
/// <see cref="JsonDocument"/> through <see cref="StateReader"/> and written with <see cref="Utf8JsonWriter"/>, no
/// reflection. Its shape is the one every emulator has written, with members only ever added (products and devices
/// came after policies), so older state files load as they are.
/// </summary>
internal static class StateFile
{
    private const int Version = 1;

    public static byte[] Serialize(Dictionary<string, InstanceRecord> instances)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteStartArray("instances");
            foreach (var pair in instances)
            {
                writer.WriteStartObject();
                writer.WriteString("instance_id", pair.Key);
                WriteRecords(writer, "policies", RecordKinds.Policy, pair.Value);

                // Left out when empty: a state file of policies alone keeps the very bytes older emulators wrote.
                if (pair.Value.Products.Count > 0)
                {
                    WriteRecords(writer, "products", RecordKinds.Product, pair.Value);
                }

                if (pair.Value.Devices.Count > 0)
                {
                    WriteRecords(writer, "devices", RecordKinds.Device, pair.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Dictionary<string, InstanceRecord> Parse(byte[] content, string path)
    {
        var reader = new StateReader($"The emulator state file '{path}'");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{reader.Source} cannot be read: it is not JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = reader.Int(root, "version", string.Empty);
            if (version != Version)
            {
                throw new InvalidDataException($"{reader.Source} has version {version}; this emulator reads version {Version}.");
            }

            var instances = new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);
            foreach (var (instanceElement, where) in reader.Items(root, "instances", string.Empty))
            {
                var instanceId = reader.String(instanceElement, "instance_id", where);
                var instance = new InstanceRecord();
                Load(instance, RecordKinds.Policy, reader.Items(instanceElement, "policies", where), reader.Policy, reader);
                Load(instance, RecordKinds.Product, reader.ItemsIfPresent(instanceElement, "products", where), reader.Product, reader);
                Load(instance, RecordKinds.Device, reader.ItemsIfPresent(instanceElement, "devices", where), reader.Device, reader);
                if (!instances.TryAdd(instanceId, instance))
                {
                    throw reader.Invalid(StateReader.Join(where, "instance_id"), "unique in the file", "'" + instanceId + "'");
                }
            }

            return instances;
        }
    }

    private static void WriteRecords<T>(Utf8JsonWriter writer, string name, RecordKind<T> kind, InstanceRecord instance)
        where T : class
    {
        writer.WriteStartArray(name);
        kind.Records(instance).ForEach(record => kind.Write(writer, record));
        writer.WriteEndArray();
    }

    /// <summary>Reads each record of one kind into the instance, refusing an ID the instance already holds.</summary>
    private static void Load<T>(
        InstanceRecord instance, RecordKind<T> kind, IEnumerable<(JsonElement Item, string Where)> items, Func<JsonElement, string, T> read, StateReader reader)
        where T : class
    {
        foreach (var (element, where) in items)
        {
            var record = read(element, where);
            var id = kind.Id(record);
            kind.Records(instance).Add(kind.Find(instance, id) is null
                ? record
                : throw reader.Invalid(StateReader.Join(where, kind.IdMember), "unique in the instance", "'" + id + "'"));
        }
    }
}
