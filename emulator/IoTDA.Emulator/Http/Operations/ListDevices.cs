using System;
using System.Collections.Generic;
using static IoTDA.Emulator.DevicePolicyLimits;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>GET /v5/iot/{project_id}/devices</c>: one page of summaries, newest first, paged by the devices' record IDs.
/// Filters match exactly; <c>gateway_id</c> lists the devices behind that gateway (one level, or all with
/// <c>is_cascade_query=true</c>), and the times bound the registration time, both ends included.
/// </summary>
internal sealed class ListDevices : DeviceOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        var productId = call.QueryId("product_id", MaxProductIdLength);
        var gatewayId = call.QueryId("gateway_id", MaxDeviceIdLength);
        var everyLevel = call.QueryBool("is_cascade_query") ?? false;
        var nodeId = call.QueryId("node_id", MaxNodeIdLength);
        var deviceName = call.QueryText("device_name", MaxDeviceNameLength);
        var start = call.QueryTime("start_time");
        var end = call.QueryTime("end_time");
        if (start > end)
        {
            throw new ApiError(400, EmulatorErrorCodes.StartAfterEnd, "Invalid input. start_time must not be after end_time.");
        }

        var appId = call.QueryId("app_id", MaxAppIdLength);
        var paging = call.QueryPaging();
        var (page, productNames) = call.State.Read(call.InstanceId, instance =>
        {
            var behind = gatewayId is null ? null : DevicesBehind(instance, gatewayId, everyLevel);
            var found = Page.NewestFirst(
                instance.Devices,
                device => (productId is null || device.ProductId == productId)
                    && (behind is null || behind.Contains(device.DeviceId))
                    && (nodeId is null || device.NodeId == nodeId)
                    && (deviceName is null || device.DeviceName == deviceName)
                    && (appId is null || device.AppId == appId)
                    && (start is null || device.CreateTime >= start) && (end is null || device.CreateTime <= end),
                device => device.RecordId,
                paging);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var device in found.Items)
            {
                if (!names.ContainsKey(device.ProductId) && ProductName(instance, device.ProductId) is { } name)
                {
                    names.Add(device.ProductId, name);
                }
            }

            return (found, names);
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteDevicePage(writer, page, productNames));
    }
}
