using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>PUT /v5/iot/{project_id}/device-policies/{policy_id}</c>: members left out keep their value.</summary>
internal sealed class UpdateDevicePolicy : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var policyId = call.PolicyId();
        using var document = call.Body(optional: false)!;
        var root = document.RootElement;
        var name = JsonInput.Identifier(JsonInput.OptionalString(root, "policy_name"), "policy_name", MaxPolicyNameLength);
        var statements = JsonInput.Statements(root, required: false);
        var now = call.Now();
        var policy = call.State.Change(call.InstanceId, (instance, _) =>
        {
            var found = Existing(instance, policyId);
            return new ChangeResult<PolicyRecord>(
                found, new PolicyUpdated(call.InstanceId, found.PolicyId, name ?? found.Name, statements ?? found.Statements, now));
        });
        return new ApiResponse(200, writer => ResponseWriter.WritePolicy(writer, policy));
    }
}
