using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Xunit;
using static IoTDA.Emulator.DevicePolicyLimits;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// ProductDeviceLimits against the full spec, as SpecLimitsTests holds DevicePolicyLimits against the bundled one:
/// a row for each place the spec states one of the limits, and the test lists every row that disagrees.
/// </summary>
public sealed class ProductDeviceLimitsTests
{
    private const string Products = "/v5/iot/{project_id}/products";
    private const string Product = Products + "/{product_id}";
    private const string Devices = "/v5/iot/{project_id}/devices";
    private const string Device = Devices + "/{device_id}";

    [Fact]
    public void Every_product_and_device_limit_of_the_emulator_is_the_one_the_full_spec_states()
    {
        var rows = new List<(string Where, object Emulator, object? Spec)>();
        void Length(int limit, params (string Where, OpenApiSchema Schema)[] places) =>
            rows.AddRange(places.Select(place => (place.Where + " maxLength", (object)limit, (object?)place.Schema.MaxLength)));
        void Identifier(params (string Where, OpenApiSchema Schema)[] places) =>
            rows.AddRange(places.Select(place => (place.Where + " pattern", (object)("^" + IdentifierPattern + "$"), (object?)place.Schema.Pattern)));
        void Choices(IEnumerable<string> allowed, params (string Where, OpenApiSchema Schema)[] places) =>
            rows.AddRange(places.Select(place => (place.Where + " enum", (object)string.Join(", ", allowed), (object?)string.Join(", ", place.Schema.Enum.Select(Text)))));
        void Items(int limit, params (string Where, OpenApiSchema Schema)[] places) =>
            rows.AddRange(places.Select(place => (place.Where + " maxItems", (object)limit, (object?)place.Schema.MaxItems)));

        var productIds = new[] { Property("CreateProductRequestBody", "product_id"), Query(Product, OperationType.Get, "product_id"), Query(Devices, OperationType.Get, "product_id"), Property("AddDeviceRequestBody", "product_id") };
        Length(MaxProductIdLength, productIds);
        Identifier(productIds);
        Length(MaxProductNameLength, Property("CreateProductRequestBody", "name"), Property("UpdateProductRequestBody", "name"), Query(Products, OperationType.Get, "product_name"));
        Length(MaxDeviceTypeLength, Property("CreateProductRequestBody", "device_type"), Property("UpdateProductRequestBody", "device_type"));
        Choices(ProtocolTypes, Property("CreateProductRequestBody", "protocol_type"), Property("UpdateProductRequestBody", "protocol_type"));
        Choices(DataFormats, Property("CreateProductRequestBody", "data_format"), Property("UpdateProductRequestBody", "data_format"));
        Length(MaxManufacturerNameLength, Property("CreateProductRequestBody", "manufacturer_name"), Property("UpdateProductRequestBody", "manufacturer_name"));
        Length(MaxIndustryLength, Property("CreateProductRequestBody", "industry"), Property("UpdateProductRequestBody", "industry"));
        Length(MaxProductDescriptionLength, Property("CreateProductRequestBody", "description"), Property("UpdateProductRequestBody", "description"));
        Items(MaxServiceItems, Property("CreateProductRequestBody", "service_capabilities"), Property("ServiceCapability", "properties"), Property("ServiceCapability", "commands"), Property("ServiceCapability", "events"));
        Length(MaxServiceIdLength, Property("ServiceCapability", "service_id"));
        Length(MaxServiceTypeLength, Property("ServiceCapability", "service_type"));
        Length(MaxServiceDescriptionLength, Property("ServiceCapability", "description"));
        Choices(ServiceOptions, Property("ServiceCapability", "option"));

        var deviceIds = new[] { Property("AddDeviceRequestBody", "device_id"), Property("AddDeviceRequestBody", "gateway_id"), Query(Device, OperationType.Get, "device_id"), Query(Devices, OperationType.Get, "gateway_id") };
        Length(MaxDeviceIdLength, deviceIds);
        Identifier(deviceIds);
        var nodeIds = new[] { Property("AddDeviceRequestBody", "node_id"), Query(Devices, OperationType.Get, "node_id") };
        Length(MaxNodeIdLength, nodeIds);
        Identifier(nodeIds);
        Length(MaxDeviceNameLength, Property("AddDeviceRequestBody", "device_name"), Property("UpdateDeviceRequestBody", "device_name"), Query(Devices, OperationType.Get, "device_name"));
        Length(MaxDeviceDescriptionLength, Property("AddDeviceRequestBody", "description"), Property("UpdateDeviceRequestBody", "description"));
        var secret = Property("DeviceAuthInfo", "secret");
        rows.Add((secret.Where + " minLength", MinSecretLength, secret.Schema.MinLength));
        Length(MaxSecretLength, secret);
        Identifier(secret);

        var appIds = new[] { Property("CreateProductRequestBody", "app_id"), Property("UpdateProductRequestBody", "app_id"), Property("AddDeviceRequestBody", "app_id"), Query(Products, OperationType.Get, "app_id"), Query(Product, OperationType.Get, "app_id"), Query(Devices, OperationType.Get, "app_id") };
        Length(MaxAppIdLength, appIds);
        Identifier(appIds);
        foreach (var list in new[] { Products, Devices })
        {
            var (limitWhere, limit) = Query(list, OperationType.Get, "limit");
            var (offsetWhere, offset) = Query(list, OperationType.Get, "offset");
            var (markerWhere, marker) = Query(list, OperationType.Get, "marker");
            rows.Add((limitWhere + " minimum", MinLimit, limit.Minimum));
            rows.Add((limitWhere + " maximum", MaxLimit, limit.Maximum));
            rows.Add((limitWhere + " default", DefaultLimit, Text(limit.Default)));
            rows.Add((offsetWhere + " minimum", MinOffset, offset.Minimum));
            rows.Add((offsetWhere + " maximum", MaxOffset, offset.Maximum));
            rows.Add((markerWhere + " pattern", "^" + HexIdPattern + "$", marker.Pattern));
            rows.Add((markerWhere + " default", DefaultMarker, Text(marker.Default)));
        }

        var disagreements = rows
            .Where(row => Invariant(row.Emulator) != Invariant(row.Spec))
            .Select(row => $"{row.Where}: the emulator has {Invariant(row.Emulator)}, the spec {Invariant(row.Spec) ?? "nothing"}")
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    private static (string Where, OpenApiSchema Schema) Property(string schema, string property) =>
        ($"{schema}.{property}", FullSpec.Document.Components.Schemas[schema].Properties[property]);

    /// <summary>A path or query parameter of one operation.</summary>
    private static (string Where, OpenApiSchema Schema) Query(string path, OperationType method, string name)
    {
        var operation = FullSpec.Document.Paths[path].Operations[method];
        return ($"{operation.OperationId} {name}", operation.Parameters.Single(parameter => parameter.Name == name).Schema);
    }

    private static string? Text(IOpenApiAny? value) => value switch
    {
        null => null,
        OpenApiInteger integer => Invariant(integer.Value),
        OpenApiString text => text.Value,
        _ => throw new InvalidOperationException($"The spec holds a {value.AnyType} value where this test expects an integer or a string."),
    };

    private static string? Invariant(object? value) => value is null ? null : FormattableString.Invariant($"{value}");
}
