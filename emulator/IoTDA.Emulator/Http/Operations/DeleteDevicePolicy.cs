using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>DELETE /v5/iot/{project_id}/device-policies/{policy_id}</c>: 204, and every target unbound.</summary>
internal sealed class DeleteDevicePolicy : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var policyId = call.PolicyId();
        call.State.Change(call.InstanceId, (instance, _) =>
        {
            return new ChangeResult<bool>(true, new PolicyDeleted(call.InstanceId, Existing(instance, policyId).PolicyId));
        });
        return ApiResponse.NoContent;
    }
}
