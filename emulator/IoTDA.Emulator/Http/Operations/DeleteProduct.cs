using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>DELETE /v5/iot/{project_id}/products/{product_id}</c>: 204, and the product unbound from every policy. The
/// service refuses to delete a product that still has devices, and so does the emulator.
/// </summary>
internal sealed class DeleteProduct : ProductOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var productId = PathProductId(call);
        var appId = call.QueryId("app_id", MaxAppIdLength);
        call.State.Change(call.InstanceId, (instance, _) =>
        {
            var product = Existing(instance, productId, appId);
            var devices = instance.Devices.FindAll(device => device.ProductId == product.ProductId);
            if (devices.Count > 0)
            {
                throw new ApiError(400, EmulatorErrorCodes.ProductHasDevices,
                    $"Operation not allowed. The product {productId} still has {devices.Count} device(s), such as {devices[0].DeviceId}; delete them first.");
            }

            return new ChangeResult<bool>(true, new ProductDeleted(call.InstanceId, product.ProductId));
        });
        return ApiResponse.NoContent;
    }
}
