using IoTDA.Emulator.State;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>PUT /v5/iot/{project_id}/devices/{device_id}</c>: the name, description, extension and access settings; members
/// left out keep their value.
/// </summary>
internal sealed class UpdateDevice : DeviceOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var deviceId = PathDeviceId(call);
        using var document = call.Body(optional: true);
        string? deviceName = null, description = null, extension = null;
        (bool? SecureAccess, int? Timeout) access = (null, null);
        if (document?.RootElement is { } root)
        {
            deviceName = JsonInput.Name(root, "device_name", MaxDeviceNameLength, required: false);
            description = JsonInput.Text(root, "description", MaxDeviceDescriptionLength, required: false);
            extension = ExtensionInfo(root);
            access = JsonInput.OptionalObject(root, "auth_info") is { } auth ? AccessSettings(auth) : access;
        }

        var (device, productName) = call.State.Change(call.InstanceId, (instance, _) =>
        {
            var found = Existing(instance, deviceId);
            var updated = found with
            {
                DeviceName = deviceName ?? found.DeviceName,
                Description = description ?? found.Description,
                ExtensionInfo = extension ?? found.ExtensionInfo,
                Auth = found.Auth with
                {
                    SecureAccess = access.SecureAccess ?? found.Auth.SecureAccess,
                    Timeout = access.Timeout ?? found.Auth.Timeout,
                },
            };
            return new ChangeResult<(DeviceRecord, string?)>((updated, ProductName(instance, found.ProductId)), new DeviceUpdated(call.InstanceId, updated));
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteDevice(writer, device, productName));
    }
}
