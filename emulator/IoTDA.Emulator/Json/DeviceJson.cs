using System.Text.Json;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Json;

/// <summary>
/// The one writer of a device as JSON, for the answers (members named and ordered as the service's
/// <c>ShowDeviceResponse</c> and <c>QueryDeviceSimplify</c>) and the state file alike. Resource spaces, firmware
/// versions and tags are not emulated, so <c>app_name</c> and the versions are left out and <c>tags</c> is empty.
/// </summary>
internal static class DeviceJson
{
    /// <summary>
    /// No device ever connects to the emulator, so every device is as the service reports one that never has.
    /// </summary>
    private const string Status = "INACTIVE";

    /// <param name="writer">Where to write.</param>
    /// <param name="device">The device.</param>
    /// <param name="productName">The device's product's name, which answers carry; unused in the state file.</param>
    /// <param name="form">Which members.</param>
    public static void Write(Utf8JsonWriter writer, DeviceRecord device, string? productName, ResourceForm form)
    {
        switch (form)
        {
            case ResourceForm.Answer:
            case ResourceForm.Summary:
                WriteAnswer(writer, device, productName, details: form == ResourceForm.Answer);
                break;
            case ResourceForm.StateFile:
                WriteState(writer, device);
                break;
        }
    }

    private static void WriteAnswer(Utf8JsonWriter writer, DeviceRecord device, string? productName, bool details)
    {
        writer.WriteStartObject();
        writer.WriteString("app_id", device.AppId);
        writer.WriteString("device_id", device.DeviceId);
        writer.WriteString("node_id", device.NodeId);
        writer.WriteString("gateway_id", device.GatewayId);
        writer.WriteString("device_name", device.DeviceName);
        writer.WriteString("node_type", device.NodeType);
        JsonOutput.WriteOptional(writer, "description", device.Description);
        if (details)
        {
            WriteAuth(writer, device.Auth);
        }

        writer.WriteString("product_id", device.ProductId);
        JsonOutput.WriteOptional(writer, "product_name", productName);
        writer.WriteString("status", Status);
        if (details)
        {
            writer.WriteString("create_time", JsonOutput.AnswerTime(device.CreateTime));
        }

        writer.WriteStartArray("tags");
        writer.WriteEndArray();
        if (details)
        {
            JsonOutput.WriteKept(writer, "extension_info", device.ExtensionInfo);
        }

        writer.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter writer, DeviceRecord device)
    {
        writer.WriteStartObject();
        writer.WriteString("record_id", device.RecordId);
        writer.WriteString("device_id", device.DeviceId);
        writer.WriteString("node_id", device.NodeId);
        writer.WriteString("product_id", device.ProductId);
        writer.WriteString("app_id", device.AppId);
        writer.WriteString("gateway_id", device.GatewayId);
        writer.WriteString("device_name", device.DeviceName);
        JsonOutput.WriteOptional(writer, "description", device.Description);
        WriteAuth(writer, device.Auth);
        JsonOutput.WriteKept(writer, "extension_info", device.ExtensionInfo);
        writer.WriteString("create_time", JsonOutput.StateFileTime(device.CreateTime));
        writer.WriteEndObject();
    }

    private static void WriteAuth(Utf8JsonWriter writer, DeviceAuthRecord auth)
    {
        writer.WriteStartObject("auth_info");
        writer.WriteString("auth_type", auth.AuthType);
        JsonOutput.WriteOptional(writer, "secret", auth.Secret);
        JsonOutput.WriteOptional(writer, "fingerprint", auth.Fingerprint);
        writer.WriteBoolean("secure_access", auth.SecureAccess);
        writer.WriteNumber("timeout", auth.Timeout);
        writer.WriteEndObject();
    }
}
