using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>POST /v5/iot/{project_id}/device-policies/{policy_id}/list-targets</c>: one page of bound targets, paged by
/// their binding record IDs. The paging members travel in an optional body, not the query.
/// </summary>
internal sealed class ShowTargetsInDevicePolicy : DevicePolicyOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var policyId = call.PolicyId();
        using var document = call.Body(optional: true);
        string? targetType = null;
        int? limit = null;
        int? offset = null;
        string? marker = null;
        if (document is not null)
        {
            var root = document.RootElement;
            var type = JsonInput.OptionalString(root, "target_type");
            targetType = type is null ? null : JsonInput.TargetType(type, "target_type");
            limit = JsonInput.OptionalInt(root, "limit");
            offset = JsonInput.OptionalInt(root, "offset");
            marker = JsonInput.OptionalString(root, "marker");
        }

        var paging = new PageRequest(JsonInput.Limit(limit), JsonInput.Offset(offset), JsonInput.Marker(marker));
        var page = call.State.Read(call.InstanceId, instance => Page.NewestFirst(
            Existing(instance, policyId).Targets,
            target => targetType is null || target.TargetType == targetType,
            target => target.RecordId,
            paging));
        return new ApiResponse(200, writer => ResponseWriter.WriteTargetPage(writer, page));
    }
}
