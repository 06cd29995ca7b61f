using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>PUT /v5/iot/{project_id}/products/{product_id}</c>: members left out keep their value. The body's
/// <c>app_id</c> says which resource space the product is in; a product never moves to another.
/// </summary>
internal sealed class UpdateProduct : ProductOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var productId = PathProductId(call);
        using var document = call.Body(optional: true);
        var root = document?.RootElement;
        var appId = root is { } body ? JsonInput.Id(body, "app_id", MaxAppIdLength, required: false) : null;
        var members = root is { } given ? ReadMembers(given, creating: false) : new ProductMembers(null, null, null, null, null, null, null, null);
        var product = call.State.Change(call.InstanceId, (instance, _) =>
        {
            var found = Existing(instance, productId, appId);
            var updated = found with
            {
                Name = members.Name ?? found.Name,
                DeviceType = members.DeviceType ?? found.DeviceType,
                ProtocolType = members.ProtocolType ?? found.ProtocolType,
                DataFormat = members.DataFormat ?? found.DataFormat,
                ManufacturerName = members.ManufacturerName ?? found.ManufacturerName,
                Industry = members.Industry ?? found.Industry,
                Description = members.Description ?? found.Description,
                ServiceCapabilities = members.ServiceCapabilities ?? found.ServiceCapabilities,
            };
            return new ChangeResult<ProductRecord>(updated, new ProductUpdated(call.InstanceId, updated));
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteProduct(writer, product));
    }
}
