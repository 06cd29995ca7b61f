using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IoTDA.Emulator.Json;

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
                writer.WriteStartArray("policies");
                foreach (var policy in pair.Value.Policies)
                {
                    PolicyJson.Write(writer, policy, PolicyJsonShape.StateFile);
                }

                writer.WriteEndArray();

                // Left out when empty: a state file of policies alone keeps the very bytes older emulators wrote.
                if (pair.Value.Products.Count > 0)
                {
                    writer.WriteStartArray("products");
                    pair.Value.Products.ForEach(product => ProductJson.Write(writer, product, ResourceForm.StateFile));
                    writer.WriteEndArray();
                }

                if (pair.Value.Devices.Count > 0)
                {
                    writer.WriteStartArray("devices");
                    pair.Value.Devices.ForEach(device => DeviceJson.Write(writer, device, productName: null, ResourceForm.StateFile));
                    writer.WriteEndArray();
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
                foreach (var (policyElement, policyWhere) in reader.Items(instanceElement, "policies", where))
                {
                    var policy = reader.Policy(policyElement, policyWhere);
                    instance.Policies.Add(instance.Find(policy.PolicyId) is null
                        ? policy
                        : throw reader.Invalid(StateReader.Join(policyWhere, "policy_id"), "unique in the instance", "'" + policy.PolicyId + "'"));
                }

                foreach (var (productElement, productWhere) in reader.ItemsIfPresent(instanceElement, "products", where))
                {
                    var product = reader.Product(productElement, productWhere);
                    instance.Products.Add(instance.FindProduct(product.ProductId) is null
                        ? product
                        : throw reader.Invalid(StateReader.Join(productWhere, "product_id"), "unique in the instance", "'" + product.ProductId + "'"));
                }

                foreach (var (deviceElement, deviceWhere) in reader.ItemsIfPresent(instanceElement, "devices", where))
                {
                    var device = reader.Device(deviceElement, deviceWhere);
                    instance.Devices.Add(instance.FindDevice(device.DeviceId) is null
                        ? device
                        : throw reader.Invalid(StateReader.Join(deviceWhere, "device_id"), "unique in the instance", "'" + device.DeviceId + "'"));
                }

                if (!instances.TryAdd(instanceId, instance))
                {
                    throw reader.Invalid(StateReader.Join(where, "instance_id"), "unique in the file", "'" + instanceId + "'");
                }
            }

            return instances;
        }
    }
}
