using System.Globalization;
using IoTDA.Emulator.State;
using Microsoft.AspNetCore.Http;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>GET /v5/iot/{project_id}/device-policies</c>: one page of summaries, filtered by the query.</summary>
internal sealed class ListDevicePolicies : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var query = call.Query;
        var appId = JsonInput.Identifier(SingleQueryValue(query, "app_id"), "app_id", MaxAppIdLength);
        var policyName = SingleQueryValue(query, "policy_name");
        if (policyName is not null && policyName.Length > MaxQueryPolicyNameLength)
        {
            throw ApiError.InvalidInput($"policy_name must be at most {MaxQueryPolicyNameLength} characters.");
        }

        var paging = new PageRequest(
            JsonInput.Limit(QueryInt(query, "limit")),
            JsonInput.Offset(QueryInt(query, "offset")),
            JsonInput.Marker(SingleQueryValue(query, "marker")));
        var page = call.State.Read(call.InstanceId, instance => Page.NewestFirst(
            instance.Policies,
            policy => (appId is null || policy.AppId == appId) && (policyName is null || policy.Name == policyName),
            policy => policy.PolicyId,
            paging));
        return new ApiResponse(200, writer => ResponseWriter.WritePolicyPage(writer, page));
    }

    private static string? SingleQueryValue(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw ApiError.InvalidInput($"{name} must be given once.");
    }

    private static int? QueryInt(IQueryCollection query, string name)
    {
        var text = SingleQueryValue(query, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiError.InvalidInput($"{name} must be an integer; got '{text}'.");
    }
}
