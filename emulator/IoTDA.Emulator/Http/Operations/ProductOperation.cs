using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using IoTDA.Emulator.Json;
using IoTDA.Emulator.State;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>The members a product's create and update bodies share, each null when the body leaves it out.</summary>
internal sealed record ProductMembers(
    string? Name,
    string? DeviceType,
    string? ProtocolType,
    string? DataFormat,
    string? ManufacturerName,
    string? Industry,
    string? Description,
    string? ServiceCapabilities);

/// <summary>An operation on products: the lookup they start with, and the body rules create and update share.</summary>
internal abstract class ProductOperation : OperationHandler
{
    /// <summary>The product; when <paramref name="appId"/> is given, only if it is in that resource space.</summary>
    protected static ProductRecord Existing(InstanceRecord instance, string productId, string? appId)
    {
        var product = instance.FindProduct(productId);
        if (product is not null && (appId is null || product.AppId == appId))
        {
            return product;
        }

        throw new ApiError(404, EmulatorErrorCodes.ProductNotFound, appId is null
            ? $"The product {productId} does not exist."
            : $"The product {productId} does not exist in the resource space {appId}.");
    }

    protected static string PathProductId(OperationCall call) => call.PathId("product_id", MaxProductIdLength);

    /// <summary>The shared members; when <paramref name="creating"/>, the ones a new product needs are required.</summary>
    protected static ProductMembers ReadMembers(JsonElement root, bool creating) => new(
        JsonInput.Name(root, "name", MaxProductNameLength, required: creating),
        JsonInput.Name(root, "device_type", MaxDeviceTypeLength, required: creating),
        JsonInput.OneOf(root, "protocol_type", ProtocolTypes, required: creating),
        JsonInput.OneOf(root, "data_format", DataFormats, required: creating),
        JsonInput.Name(root, "manufacturer_name", MaxManufacturerNameLength, required: false),
        JsonInput.Name(root, "industry", MaxIndustryLength, required: false),
        JsonInput.Text(root, "description", MaxProductDescriptionLength, required: false),
        ServiceCapabilities(root, required: creating));

    /// <summary>
    /// Checks each service's own members and keeps the array as it came: its properties, commands and events are
    /// the device's business, which the emulator never sees.
    /// </summary>
    private static string? ServiceCapabilities(JsonElement root, bool required)
    {
        var services = JsonInput.OptionalArray(root, "service_capabilities", MaxServiceItems);
        if (services is null)
        {
            return required ? throw ApiError.InvalidInput("service_capabilities is required.") : null;
        }

        var serviceIds = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var service in services.Value.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"service_capabilities[{index++}]");
            if (service.ValueKind != JsonValueKind.Object)
            {
                throw ApiError.InvalidInput($"{where} must be an object.");
            }

            var serviceId = JsonInput.Text(service, "service_id", MaxServiceIdLength, required: true)!;
            if (!serviceIds.Add(serviceId))
            {
                throw ApiError.InvalidInput($"service_id '{serviceId}' appears twice in service_capabilities; a product's service IDs are unique.");
            }

            JsonInput.Text(service, "service_type", MaxServiceTypeLength, required: true);
            JsonInput.Text(service, "description", MaxServiceDescriptionLength, required: false);
            JsonInput.OneOf(service, "option", ServiceOptions, required: false);
            foreach (var list in new[] { "properties", "commands", "events" })
            {
                JsonInput.OptionalArray(service, list, MaxServiceItems);
            }
        }

        return JsonOutput.Compact(services.Value);
    }
}
