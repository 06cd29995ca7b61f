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
        var appId = call.QueryId("app_id", MaxAppIdLength);
        var name = call.QueryText("product_name", MaxProductNameLength);
        var paging = call.QueryPaging();
        var page = call.State.Read(call.InstanceId, instance => Page.NewestFirst(
            instance.Products,
            product => (appId is null || product.AppId == appId) && (name is null || product.Name == name),
            product => product.RecordId,
            paging));
        return new ApiResponse(200, writer => ResponseWriter.WriteProductPage(writer, page));
    }
}
