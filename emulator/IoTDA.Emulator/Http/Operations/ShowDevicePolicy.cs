using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>GET /v5/iot/{project_id}/device-policies/{policy_id}</c>: the policy with its statements.</summary>
internal sealed class ShowDevicePolicy : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var policyId = call.PolicyId();
        var policy = call.State.Read(call.InstanceId, instance => Existing(instance, policyId));
        return new ApiResponse(200, writer => ResponseWriter.WritePolicy(writer, policy));
    }
}
