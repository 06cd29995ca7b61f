namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>GET /v5/iot/{project_id}/devices/{device_id}</c>: the device with its authentication.</summary>
internal sealed class ShowDevice : DeviceOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var deviceId = PathDeviceId(call);
        var (device, productName) = call.State.Read(call.InstanceId, instance =>
        {
            var found = Existing(instance, deviceId);
            return (found, ProductName(instance, found.ProductId));
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteDevice(writer, device, productName));
    }
}
