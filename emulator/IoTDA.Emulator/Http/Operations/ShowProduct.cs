using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary><c>GET /v5/iot/{project_id}/products/{product_id}</c>: the product with its services.</summary>
internal sealed class ShowProduct : ProductOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var productId = PathProductId(call);
        var appId = call.QueryId("app_id", MaxAppIdLength);
        var product = call.State.Read(call.InstanceId, instance => Existing(instance, productId, appId));
        return new ApiResponse(200, writer => ResponseWriter.WriteProduct(writer, product));
    }
}
