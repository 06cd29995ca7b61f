using static IoTDA.Emulator.DevicePolicyLimits;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>GET /v5/iot/{project_id}/products</c>: one page of summaries, newest first, paged by the products' record IDs
/// (the page's marker), filtered by resource space and by exact name.
/// </summary>
internal sealed class ListProducts : ProductOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var appId = JsonInput.Id(call.Query("app_id"), "app_id", MaxAppIdLength);
        var name = call.Query("product_name");
        if (name is not null && name.Length > MaxProductNameLength)
        {
            throw ApiError.InvalidInput($"product_name must be at most {MaxProductNameLength} characters; got {name.Length}.");
        }

        var paging = call.QueryPaging();
        var page = call.State.Read(call.InstanceId, instance => Page.NewestFirst(
            instance.Products,
            product => (appId is null || product.AppId == appId) && (name is null || product.Name == name),
            product => product.RecordId,
            paging));
        return new ApiResponse(200, writer => ResponseWriter.WriteProductPage(writer, page));
    }
}
