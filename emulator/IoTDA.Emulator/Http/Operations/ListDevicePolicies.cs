using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>GET /v5/iot/{project_id}/device-policies</c>: one page of summaries, filtered by the query.</summary>
internal sealed class ListDevicePolicies : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var appId = JsonInput.Identifier(call.Query("app_id"), "app_id", MaxAppIdLength);
        var policyName = call.Query("policy_name");
        if (policyName is not null && policyName.Length > MaxQueryPolicyNameLength)
        {
            throw ApiError.InvalidInput($"policy_name must be at most {MaxQueryPolicyNameLength} characters.");
        }

        var paging = call.QueryPaging();
        var page = call.State.Read(call.InstanceId, instance => Page.NewestFirst(
            instance.Policies,
            policy => (appId is null || policy.AppId == appId) && (policyName is null || policy.Name == policyName),
            policy => policy.PolicyId,
            paging));
        return new ApiResponse(200, writer => ResponseWriter.WritePolicyPage(writer, page));
    }
}
