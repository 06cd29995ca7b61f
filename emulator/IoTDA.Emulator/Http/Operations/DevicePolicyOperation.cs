using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>An operation of the device-policy API, with the lookup every one of them starts with.</summary>
internal abstract class DevicePolicyOperation : OperationHandler
{
    protected static PolicyRecord Existing(InstanceRecord instance, string policyId) =>
        instance.Find(policyId) ?? throw new ApiError(404, EmulatorErrorCodes.PolicyNotFound, $"The device policy {policyId} does not exist.");
}
