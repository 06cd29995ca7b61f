using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>POST /v5/iot/{project_id}/products</c>: 201 with the new product. Without a <c>product_id</c> the product gets
/// a new 24-hex ID, as the service hands them out; with one, the ID must be free in the instance.
/// </summary>
internal sealed class CreateProduct : ProductOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        using var document = call.Body(optional: false)!;
        var root = document.RootElement;
        var requestedId = JsonInput.Id(root, "product_id", MaxProductIdLength, required: false);
        var appId = JsonInput.Id(root, "app_id", MaxAppIdLength, required: false) ?? call.Options.DefaultAppId;
        var members = ReadMembers(root, creating: true);
        var now = call.Now();
        var product = call.State.Change(call.InstanceId, (instance, ids) =>
        {
            var recordId = ids.Next(now);
            var productId = requestedId ?? recordId;
            if (instance.FindProduct(productId) is not null)
            {
                throw new ApiError(400, EmulatorErrorCodes.ProductAlreadyExists, $"Invalid input. The product ID {productId} is already taken in this instance.");
            }

            var created = new ProductRecord(
                recordId, productId, appId, members.Name!, members.DeviceType!, members.ProtocolType!, members.DataFormat!,
                members.ManufacturerName, members.Industry, members.Description, members.ServiceCapabilities!, now);
            return new ChangeResult<ProductRecord>(created, new ProductCreated(call.InstanceId, created));
        });
        return new ApiResponse(201, writer => ResponseWriter.WriteProduct(writer, product));
    }
}
