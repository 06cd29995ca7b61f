using System.Linq;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>DELETE /v5/iot/{project_id}/devices/{device_id}</c>: 204, and the device unbound from every policy it is bound
/// to. The service refuses to delete a gateway while devices are connected through it, and so does the emulator.
/// </summary>
internal sealed class DeleteDevice : DeviceOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var deviceId = PathDeviceId(call);
        call.State.Change(call.InstanceId, (instance, _) =>
        {
            var device = Existing(instance, deviceId);
            var behind = DevicesBehind(instance, device.DeviceId, everyLevel: false);
            if (behind.Count > 0)
            {
                throw new ApiError(400, EmulatorErrorCodes.DeviceHasChildren,
                    $"Operation not allowed. The device {deviceId} connects {behind.Count} device(s), such as {behind.Order().First()}; delete them first.");
            }

            return new ChangeResult<bool>(true, new DeviceDeleted(call.InstanceId, device.DeviceId));
        });
        return ApiResponse.NoContent;
    }
}
