using System.Collections.Generic;
using IoTDA.Emulator.Http.Operations;
using Microsoft.AspNetCore.Http;

namespace IoTDA.Emulator.Http;

/// <summary>One operation of the API: the spec's operation ID, the HTTP method, the path template, the handler.</summary>
internal sealed record DevicePolicyRoute(string OperationId, string Method, string Template, DevicePolicyOperation Operation);

/// <summary>
/// Every device-policy operation the emulator serves, in the spec's order. The operation IDs are the spec's, so a
/// test can hold this table against the spec's paths.
/// </summary>
internal static class DevicePolicyRoutes
{
    private const string Policies = "/v5/iot/{project_id}/device-policies";
    private const string Policy = Policies + "/{policy_id}";

    public static readonly IReadOnlyList<DevicePolicyRoute> All =
    [
        new("CreateDevicePolicy", HttpMethods.Post, Policies, new CreateDevicePolicy()),
        new("ListDevicePolicies", HttpMethods.Get, Policies, new ListDevicePolicies()),
        new("ShowDevicePolicy", HttpMethods.Get, Policy, new ShowDevicePolicy()),
        new("UpdateDevicePolicy", HttpMethods.Put, Policy, new UpdateDevicePolicy()),
        new("DeleteDevicePolicy", HttpMethods.Delete, Policy, new DeleteDevicePolicy()),
        new("BindDevicePolicy", HttpMethods.Post, Policy + "/bind", new BindDevicePolicy()),
        new("UnbindDevicePolicy", HttpMethods.Post, Policy + "/unbind", new UnbindDevicePolicy()),
        new("ShowTargetsInDevicePolicy", HttpMethods.Post, Policy + "/list-targets", new ShowTargetsInDevicePolicy()),
    ];
}
