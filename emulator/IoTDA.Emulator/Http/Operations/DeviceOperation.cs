using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using IoTDA.Emulator.Json;
using IoTDA.Emulator.State;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>An operation on devices: the lookups they start with, and the body rules add and update share.</summary>
internal abstract class DeviceOperation : OperationHandler
{
    protected static DeviceRecord Existing(InstanceRecord instance, string deviceId) =>
        instance.FindDevice(deviceId) ?? throw new ApiError(404, EmulatorErrorCodes.DeviceNotFound, $"The device {deviceId} does not exist.");

    protected static string PathDeviceId(OperationCall call) => call.PathId("device_id", MaxDeviceIdLength);

    /// <summary>The name answers carry as <c>product_name</c>, read when answering so a renamed product shows its new name.</summary>
    protected static string? ProductName(InstanceRecord instance, string productId) => instance.FindProduct(productId)?.Name;

    /// <summary>The devices connected through <paramref name="gatewayId"/>: one level, or every level below it.</summary>
    protected static HashSet<string> DevicesBehind(InstanceRecord instance, string gatewayId, bool everyLevel)
    {
        var found = new HashSet<string>(System.StringComparer.Ordinal);
        var gateways = new Queue<string>([gatewayId]);
        while (gateways.TryDequeue(out var gateway))
        {
            foreach (var device in instance.Devices)
            {
                if (device.GatewayId == gateway && device.NodeType == "ENDPOINT" && found.Add(device.DeviceId) && everyLevel)
                {
                    gateways.Enqueue(device.DeviceId);
                }
            }
        }

        return found;
    }

    /// <summary>The caller's <c>extension_info</c>, any JSON up to 1 KB, kept as it came; null when absent.</summary>
    protected static string? ExtensionInfo(JsonElement root)
    {
        if (!root.TryGetProperty("extension_info", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var compact = JsonOutput.Compact(value);
        var size = Encoding.UTF8.GetByteCount(compact);
        return size <= MaxExtensionInfoBytes
            ? compact
            : throw ApiError.InvalidInput($"extension_info must be at most {MaxExtensionInfoBytes} bytes of JSON; got {size}.");
    }

    /// <summary><c>auth_info.secure_access</c> and <c>auth_info.timeout</c>, which both add and update may change.</summary>
    protected static (bool? SecureAccess, int? Timeout) AccessSettings(JsonElement auth)
    {
        var timeout = JsonInput.OptionalInt(auth, "timeout");
        return timeout is null or >= 0
            ? (JsonInput.OptionalBool(auth, "secure_access"), timeout)
            : throw ApiError.InvalidInput($"timeout must be 0 (never expire) or more seconds; got {timeout}.");
    }
}
