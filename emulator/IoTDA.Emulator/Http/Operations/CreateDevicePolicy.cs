using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>POST /v5/iot/{project_id}/device-policies</c>: 201 with the new policy.</summary>
internal sealed class CreateDevicePolicy : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        using var document = call.Body(optional: false)!;
        var root = document.RootElement;
        var name = JsonInput.Identifier(JsonInput.RequiredString(root, "policy_name"), "policy_name", MaxPolicyNameLength)!;
        var appId = JsonInput.Identifier(JsonInput.OptionalString(root, "app_id"), "app_id", MaxAppIdLength) ?? call.Options.DefaultAppId;
        var statements = JsonInput.Statements(root, required: true)!;
        var now = call.Now();
        var policy = call.State.Change(call.InstanceId, (instance, ids) =>
        {
            if (instance.Policies.Count >= call.Options.MaxPoliciesPerInstance)
            {
                throw new ApiError(400, EmulatorErrorCodes.PolicyLimitReached,
                    $"The instance already holds {instance.Policies.Count} device policies, the most it may hold ({call.Options.MaxPoliciesPerInstance}).");
            }

            var created = new PolicyRecord(ids.Next(now), appId, name, statements, now);
            return new ChangeResult<PolicyRecord>(created, new PolicyCreated(call.InstanceId, created));
        });
        return new ApiResponse(201, writer => ResponseWriter.WritePolicy(writer, policy));
    }
}
