using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// One operation of the device-policy API, as <see cref="DevicePolicyRoutes"/> maps it. An operation throws
/// <see cref="ApiError"/> for any breach of the service's rules, and the pipeline writes it.
/// </summary>
internal abstract class DevicePolicyOperation
{
    public abstract ApiResponse Handle(OperationCall call);

    protected static PolicyRecord Existing(InstanceRecord instance, string policyId) =>
        instance.Find(policyId) ?? throw new ApiError(404, EmulatorErrorCodes.PolicyNotFound, $"The device policy {policyId} does not exist.");
}
