using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IoTDA.Emulator.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// Products and devices, which state files gained after policies: an instance without them is one an older emulator
/// wrote, and reads as holding none. Inside a product or device every member the emulator writes must be there.
/// </summary>
internal sealed partial class StateReader
{
    /// <summary>Each item of an array member, or nothing when the member is absent (a file from before it existed).</summary>
    public IEnumerable<(JsonElement Item, string Where)> ItemsIfPresent(JsonElement parent, string name, string where) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out _) ? Items(parent, name, where) : Enumerable.Empty<(JsonElement, string)>();

    /// <summary>A member the emulator leaves out when it has no value: absent or null is null.</summary>
    public string? OptionalString(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(Join(where, name), "a string", Describe(value));
    }

    public bool Bool(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw Invalid(Join(where, name), "true or false", "nothing");
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(Join(where, name), "true or false", Describe(value)),
        };
    }

    public ProductRecord Product(JsonElement element, string where) => new(
        HexId(element, "record_id", where),
        String(element, "product_id", where),
        String(element, "app_id", where),
        String(element, "name", where),
        String(element, "device_type", where),
        String(element, "protocol_type", where),
        String(element, "data_format", where),
        OptionalString(element, "manufacturer_name", where),
        OptionalString(element, "industry", where),
        OptionalString(element, "description", where),
        JsonOutput.Compact(Member(element, "service_capabilities", where, JsonValueKind.Array, "an array")),
        Time(element, "create_time", where));

    public DeviceRecord Device(JsonElement element, string where)
    {
        var authWhere = Join(where, "auth_info");
        var auth = Member(element, "auth_info", where, JsonValueKind.Object, "an object");
        return new DeviceRecord(
            HexId(element, "record_id", where),
            String(element, "device_id", where),
            String(element, "node_id", where),
            String(element, "product_id", where),
            String(element, "app_id", where),
            String(element, "gateway_id", where),
            String(element, "device_name", where),
            OptionalString(element, "description", where),
            new DeviceAuthRecord(
                String(auth, "auth_type", authWhere),
                OptionalString(auth, "secret", authWhere),
                OptionalString(auth, "fingerprint", authWhere),
                Bool(auth, "secure_access", authWhere),
                Int(auth, "timeout", authWhere)),
            element.TryGetProperty("extension_info", out var extension) && extension.ValueKind != JsonValueKind.Null ? JsonOutput.Compact(extension) : null,
            Time(element, "create_time", where));
    }
}
