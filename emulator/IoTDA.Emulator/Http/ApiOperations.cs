using System.Collections.Generic;
using IoTDA.Emulator.Http.Operations;
using static Microsoft.AspNetCore.Http.HttpMethods;

namespace IoTDA.Emulator.Http;

/// <summary>
/// One operation of the IoTDA v5 API: the spec's operation ID, the HTTP method, the path template, and the handler
/// that serves it, or null for an operation the emulator answers with 501.
/// </summary>
internal sealed record ApiOperation(string OperationId, string Method, string Template, OperationHandler? Handler)
{
    /// <summary>How answers name the operation, <c>ListDeviceGroups (GET /v5/iot/{project_id}/device-group)</c>.</summary>
    public override string ToString() => $"{OperationId} ({Method} {Template})";
}

/// <summary>
/// The one route table: every operation of the IoTDA v5 API, grouped as the spec's tags group them. The operation
/// IDs, methods and paths are the spec's, so a test holds this table against the spec; an operation gets a handler
/// here and nowhere else, and every operation without one answers 501 naming itself, so a client learns which call
/// the emulator lacks instead of getting a 404 that looks like a wrong path.
/// </summary>
internal static class ApiOperations
{
    private const string P = "/v5/iot/{project_id}";

    public static readonly IReadOnlyList<ApiOperation> All =
    [
        // AccessCodes
        new("CreateAccessCode", Post, P + "/auth/accesscode", null),
        // AmqpQueues
        new("BatchShowQueue", Get, P + "/amqp-queues", null),
        new("AddQueue", Post, P + "/amqp-queues", null),
        new("DeleteQueue", Delete, P + "/amqp-queues/{queue_id}", null),
        new("ShowQueue", Get, P + "/amqp-queues/{queue_id}", null),
        // ResourceSpaces
        new("ShowApplications", Get, P + "/apps", null),
        new("AddApplication", Post, P + "/apps", null),
        new("DeleteApplication", Delete, P + "/apps/{app_id}", null),
        new("ShowApplication", Get, P + "/apps/{app_id}", null),
        new("UpdateApplication", Put, P + "/apps/{app_id}", null),
        // AsyncCommands
        new("ListAsyncCommands", Get, P + "/devices/{device_id}/async-commands", null),
        new("CreateAsyncCommand", Post, P + "/devices/{device_id}/async-commands", null),
        new("ListAsyncHistoryCommands", Get, P + "/devices/{device_id}/async-commands-history", null),
        new("CountAsyncHistoryCommands", Post, P + "/devices/{device_id}/async-commands-history/count", null),
        new("ShowAsyncDeviceCommand", Get, P + "/devices/{device_id}/async-commands/{command_id}", null),
        // RoutingBacklogPolicies
        new("ListRoutingBacklogPolicy", Get, P + "/routing-rule/backlog-policy", null),
        new("CreateRoutingBacklogPolicy", Post, P + "/routing-rule/backlog-policy", null),
        new("DeleteRoutingBacklogPolicy", Delete, P + "/routing-rule/backlog-policy/{policy_id}", null),
        new("ShowRoutingBacklogPolicy", Get, P + "/routing-rule/backlog-policy/{policy_id}", null),
        new("UpdateRoutingBacklogPolicy", Put, P + "/routing-rule/backlog-policy/{policy_id}", null),
        // BatchTasks
        new("ListBatchTasks", Get, P + "/batchtasks", null),
        new("CreateBatchTask", Post, P + "/batchtasks", null),
        new("DeleteBatchTask", Delete, P + "/batchtasks/{task_id}", null),
        new("ShowBatchTask", Get, P + "/batchtasks/{task_id}", null),
        new("ConfirmBatchTask", Post, P + "/batchtasks/{task_id}/confirm", null),
        new("RetryBatchTask", Post, P + "/batchtasks/{task_id}/retry", null),
        new("StopBatchTask", Post, P + "/batchtasks/{task_id}/stop", null),
        // BatchTaskFiles
        new("ListBatchTaskFiles", Get, P + "/batchtask-files", null),
        new("UploadBatchTaskFile", Post, P + "/batchtask-files", null),
        new("DeleteBatchTaskFile", Delete, P + "/batchtask-files/{file_id}", null),
        // Bridges
        new("ListBridges", Get, P + "/bridges", null),
        new("AddBridge", Post, P + "/bridges", null),
        new("DeleteBridge", Delete, P + "/bridges/{bridge_id}", null),
        new("ResetBridgeSecret", Post, P + "/bridges/{bridge_id}/reset-secret", null),
        // BroadcastMessages
        new("BroadcastMessage", Post, P + "/broadcast-messages", null),
        // DeviceCaCertificates
        new("ListCertificates", Get, P + "/certificates", null),
        new("AddCertificate", Post, P + "/certificates", null),
        new("DeleteCertificate", Delete, P + "/certificates/{certificate_id}", null),
        new("ShowCertificate", Get, P + "/certificates/{certificate_id}", null),
        new("UpdateCertificate", Put, P + "/certificates/{certificate_id}", null),
        new("CheckCertificate", Post, P + "/certificates/{certificate_id}/action", null),
        // Commands
        new("CreateCommand", Post, P + "/devices/{device_id}/commands", null),
        // DeviceAuthenticationTemplates
        new("ListDeviceAuthenticationTemplates", Get, P + "/device-authentication-templates", null),
        new("CreateDeviceAuthenticationTemplate", Post, P + "/device-authentication-templates", null),
        new("DeleteDeviceAuthenticationTemplate", Delete, P + "/device-authentication-templates/{template_id}", null),
        new("ShowDeviceAuthenticationTemplate", Get, P + "/device-authentication-templates/{template_id}", null),
        new("UpdateDeviceAuthenticationTemplate", Put, P + "/device-authentication-templates/{template_id}", null),
        // CustomAuthorizers
        new("ListDeviceAuthorizers", Get, P + "/device-authorizers", null),
        new("CreateDeviceAuthorizer", Post, P + "/device-authorizers", null),
        new("DeleteDeviceAuthorizer", Delete, P + "/device-authorizers/{authorizer_id}", null),
        new("ShowDeviceAuthorizer", Get, P + "/device-authorizers/{authorizer_id}", null),
        new("UpdateDeviceAuthorizer", Put, P + "/device-authorizers/{authorizer_id}", null),
        // DeviceCertificates
        new("ListDeviceCertificate", Get, P + "/device-certificates", null),
        new("DeleteDeviceCertificate", Delete, P + "/device-certificates/{certificate_id}", null),
        new("ShowDeviceCertificate", Get, P + "/device-certificates/{certificate_id}", null),
        new("UpdateDeviceCertificate", Put, P + "/device-certificates/{certificate_id}", null),
        new("ListDeviceByDeviceCertificate", Post, P + "/device-certificates/{certificate_id}/list-device", null),
        // DeviceGroups
        new("ListDeviceGroups", Get, P + "/device-group", null),
        new("AddDeviceGroup", Post, P + "/device-group", null),
        new("DeleteDeviceGroup", Delete, P + "/device-group/{group_id}", null),
        new("ShowDeviceGroup", Get, P + "/device-group/{group_id}", null),
        new("UpdateDeviceGroup", Put, P + "/device-group/{group_id}", null),
        new("CreateOrDeleteDeviceInGroup", Post, P + "/device-group/{group_id}/action", null),
        new("ShowDevicesInGroup", Get, P + "/device-group/{group_id}/devices", null),
        // DeviceShadows
        new("DeleteDeviceShadow", Delete, P + "/devices/{device_id}/shadow", null),
        new("ShowDeviceShadow", Get, P + "/devices/{device_id}/shadow", null),
        new("UpdateDeviceShadowDesiredData", Put, P + "/devices/{device_id}/shadow", null),
        // DeviceMessages
        new("ListDeviceMessages", Get, P + "/devices/{device_id}/messages", null),
        new("CreateMessage", Post, P + "/devices/{device_id}/messages", null),
        new("DeleteDeviceMessage", Delete, P + "/devices/{device_id}/messages/{message_id}", null),
        new("ShowDeviceMessage", Get, P + "/devices/{device_id}/messages/{message_id}", null),
        // DeviceProperties
        new("ListProperties", Get, P + "/devices/{device_id}/properties", null),
        new("UpdateProperties", Put, P + "/devices/{device_id}/properties", null),
        // Devices
        new("ListDevices", Get, P + "/devices", new ListDevices()),
        new("AddDevice", Post, P + "/devices", new AddDevice()),
        new("DeleteDevice", Delete, P + "/devices/{device_id}", new DeleteDevice()),
        new("ShowDevice", Get, P + "/devices/{device_id}", new ShowDevice()),
        new("UpdateDevice", Put, P + "/devices/{device_id}", new UpdateDevice()),
        new("ResetDeviceSecret", Post, P + "/devices/{device_id}/action", null),
        new("ChangeGateway", Post, P + "/devices/{device_id}/change-gateway", null),
        new("FreezeDevice", Post, P + "/devices/{device_id}/freeze", null),
        new("ListDeviceGroupsByDevice", Post, P + "/devices/{device_id}/list-device-group", null),
        new("ResetFingerprint", Post, P + "/devices/{device_id}/reset-fingerprint", null),
        new("UnfreezeDevice", Post, P + "/devices/{device_id}/unfreeze", null),
        new("SearchDevices", Post, P + "/search/query-devices", null),
        // DeviceProxies
        new("ListDeviceProxies", Get, P + "/device-proxies", null),
        new("CreateDeviceProxy", Post, P + "/device-proxies", null),
        new("DeleteDeviceProxy", Delete, P + "/device-proxies/{proxy_id}", null),
        new("ShowDeviceProxy", Get, P + "/device-proxies/{proxy_id}", null),
        new("UpdateDeviceProxy", Put, P + "/device-proxies/{proxy_id}", null),
        // DomainConfigurations
        new("ListDomainConfigurations", Get, P + "/domain-configurations", null),
        new("CreateDomainConfiguration", Post, P + "/domain-configurations", null),
        new("DeleteDomainConfiguration", Delete, P + "/domain-configurations/{configuration_id}", null),
        new("ShowDomainConfiguration", Get, P + "/domain-configurations/{configuration_id}", null),
        new("UpdateDomainConfiguration", Put, P + "/domain-configurations/{configuration_id}", null),
        // ExportTasks
        new("ListExportTasks", Get, P + "/export-tasks", null),
        new("CreateExportTask", Post, P + "/export-tasks", null),
        new("DeleteExportTask", Delete, P + "/export-tasks/{export_task_id}", null),
        new("ShowExportTask", Get, P + "/export-tasks/{export_task_id}/file", null),
        // RoutingFlowControlPolicies
        new("ListRoutingFlowControlPolicy", Get, P + "/routing-rule/flowcontrol-policy", null),
        new("CreateRoutingFlowControlPolicy", Post, P + "/routing-rule/flowcontrol-policy", null),
        new("DeleteRoutingFlowControlPolicy", Delete, P + "/routing-rule/flowcontrol-policy/{policy_id}", null),
        new("ShowRoutingFlowControlPolicy", Get, P + "/routing-rule/flowcontrol-policy/{policy_id}", null),
        new("UpdateRoutingFlowControlPolicy", Put, P + "/routing-rule/flowcontrol-policy/{policy_id}", null),
        // CodecFunctions
        new("ListFunctions", Get, P + "/product-functions", null),
        new("AddFunctions", Post, P + "/product-functions", null),
        new("DeleteFunctions", Delete, P + "/product-functions/{function_id}", null),
        // HarmonySoftBus
        new("ListHarmonySoftBus", Get, P + "/harmony-soft-bus", null),
        new("AddHarmonySoftBus", Post, P + "/harmony-soft-bus", null),
        new("DeleteHarmonySoftBus", Delete, P + "/harmony-soft-bus/{bus_id}", null),
        new("ShowHarmonySoftBus", Get, P + "/harmony-soft-bus/{bus_id}", null),
        new("ResetHarmonySoftBusKey", Post, P + "/harmony-soft-bus/{bus_id}/reset-bus-key", null),
        new("CreateSyncHarmonySoftBus", Post, P + "/harmony-soft-bus/{bus_id}/sync", null),
        // OtaModules
        new("ListOtaModules", Get, P + "/ota-upgrades/modules", null),
        new("CreateOtaModule", Post, P + "/ota-upgrades/modules", null),
        new("DeleteOtaModule", Delete, P + "/ota-upgrades/modules/{module_id}", null),
        new("ShowOtaModule", Get, P + "/ota-upgrades/modules/{module_id}", null),
        new("UpdateOtaModule", Put, P + "/ota-upgrades/modules/{module_id}", null),
        // OtaPackages
        new("ListOtaPackageInfo", Get, P + "/ota-upgrades/packages", null),
        new("CreateOtaPackage", Post, P + "/ota-upgrades/packages", null),
        new("DeleteOtaPackage", Delete, P + "/ota-upgrades/packages/{package_id}", null),
        new("ShowOtaPackage", Get, P + "/ota-upgrades/packages/{package_id}", null),
        // DevicePolicies
        new("ListDevicePolicies", Get, P + "/device-policies", new ListDevicePolicies()),
        new("CreateDevicePolicy", Post, P + "/device-policies", new CreateDevicePolicy()),
        new("DeleteDevicePolicy", Delete, P + "/device-policies/{policy_id}", new DeleteDevicePolicy()),
        new("ShowDevicePolicy", Get, P + "/device-policies/{policy_id}", new ShowDevicePolicy()),
        new("UpdateDevicePolicy", Put, P + "/device-policies/{policy_id}", new UpdateDevicePolicy()),
        new("BindDevicePolicy", Post, P + "/device-policies/{policy_id}/bind", new BindDevicePolicy()),
        new("ShowTargetsInDevicePolicy", Post, P + "/device-policies/{policy_id}/list-targets", new ShowTargetsInDevicePolicy()),
        new("UnbindDevicePolicy", Post, P + "/device-policies/{policy_id}/unbind", new UnbindDevicePolicy()),
        // Products
        new("ListProducts", Get, P + "/products", new ListProducts()),
        new("CreateProduct", Post, P + "/products", new CreateProduct()),
        new("DeleteProduct", Delete, P + "/products/{product_id}", new DeleteProduct()),
        new("ShowProduct", Get, P + "/products/{product_id}", new ShowProduct()),
        new("UpdateProduct", Put, P + "/products/{product_id}", new UpdateProduct()),
        // ProvisioningTemplates
        new("ListProvisioningTemplates", Get, P + "/provisioning-templates", null),
        new("CreateProvisioningTemplate", Post, P + "/provisioning-templates", null),
        new("DeleteProvisioningTemplate", Delete, P + "/provisioning-templates/{template_id}", null),
        new("ShowProvisioningTemplate", Get, P + "/provisioning-templates/{template_id}", null),
        new("UpdateProvisioningTemplate", Put, P + "/provisioning-templates/{template_id}", null),
        // RoutingRules
        new("ListRuleActions", Get, P + "/routing-rule/actions", null),
        new("CreateRuleAction", Post, P + "/routing-rule/actions", null),
        new("DeleteRuleAction", Delete, P + "/routing-rule/actions/{action_id}", null),
        new("ShowRuleAction", Get, P + "/routing-rule/actions/{action_id}", null),
        new("UpdateRuleAction", Put, P + "/routing-rule/actions/{action_id}", null),
        new("ListRoutingRules", Get, P + "/routing-rule/rules", null),
        new("CreateRoutingRule", Post, P + "/routing-rule/rules", null),
        new("DeleteRoutingRule", Delete, P + "/routing-rule/rules/{rule_id}", null),
        new("ShowRoutingRule", Get, P + "/routing-rule/rules/{rule_id}", null),
        new("UpdateRoutingRule", Put, P + "/routing-rule/rules/{rule_id}", null),
        // DeviceLinkageRules
        new("ListRules", Get, P + "/rules", null),
        new("CreateRule", Post, P + "/rules", null),
        new("DeleteRule", Delete, P + "/rules/{rule_id}", null),
        new("ShowRule", Get, P + "/rules/{rule_id}", null),
        new("UpdateRule", Put, P + "/rules/{rule_id}", null),
        new("ChangeRuleStatus", Put, P + "/rules/{rule_id}/status", null),
        // SecurityProfiles
        new("ListSecurityProfiles", Get, P + "/security-profiles", null),
        new("CreateSecurityProfile", Post, P + "/security-profiles", null),
        new("DeleteSecurityProfile", Delete, P + "/security-profiles/{profile_id}", null),
        new("ShowSecurityProfile", Get, P + "/security-profiles/{profile_id}", null),
        new("UpdateSecurityProfile", Put, P + "/security-profiles/{profile_id}", null),
        // ServerCertificates
        new("ListServerCertificate", Get, P + "/server-certificates", null),
        new("CreateServerCertificate", Post, P + "/server-certificates", null),
        new("DeleteServerCertificate", Delete, P + "/server-certificates/{server_certificate_id}", null),
        new("ShowServerCertificate", Get, P + "/server-certificates/{server_certificate_id}", null),
        // Tags
        new("TagDevice", Post, P + "/tags/bind-resource", null),
        new("ListResourcesByTags", Post, P + "/tags/query-resources", null),
        new("UntagDevice", Post, P + "/tags/unbind-resource", null),
        // DeviceTunnels
        new("ListDeviceTunnels", Get, P + "/tunnels", null),
        new("AddTunnel", Post, P + "/tunnels", null),
        new("DeleteDeviceTunnel", Delete, P + "/tunnels/{tunnel_id}", null),
        new("ShowDeviceTunnel", Get, P + "/tunnels/{tunnel_id}", null),
        new("CloseDeviceTunnel", Put, P + "/tunnels/{tunnel_id}", null),
    ];
}
