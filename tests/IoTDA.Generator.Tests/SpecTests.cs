using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>The bundled spec reads cleanly and states every documented fact of the device-policy API.</summary>
public class SpecTests
{
    private static OpenApiDocument Read(out OpenApiDiagnostic diagnostic) =>
        new OpenApiStringReader().Read(GeneratorHarness.BundledSpecText, out diagnostic);

    [Fact]
    public void Reads_without_errors_or_warnings_as_OpenAPI_3_0()
    {
        Read(out var diagnostic);

        Assert.Empty(diagnostic.Errors);
        Assert.Empty(diagnostic.Warnings);
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
    }

    [Theory]
    [InlineData("CreateDevicePolicy", OperationType.Post, "/v5/iot/{project_id}/device-policies", "201")]
    [InlineData("ListDevicePolicies", OperationType.Get, "/v5/iot/{project_id}/device-policies", "200")]
    [InlineData("ShowDevicePolicy", OperationType.Get, "/v5/iot/{project_id}/device-policies/{policy_id}", "200")]
    [InlineData("UpdateDevicePolicy", OperationType.Put, "/v5/iot/{project_id}/device-policies/{policy_id}", "200")]
    [InlineData("DeleteDevicePolicy", OperationType.Delete, "/v5/iot/{project_id}/device-policies/{policy_id}", "204")]
    [InlineData("BindDevicePolicy", OperationType.Post, "/v5/iot/{project_id}/device-policies/{policy_id}/bind", "200")]
    [InlineData("UnbindDevicePolicy", OperationType.Post, "/v5/iot/{project_id}/device-policies/{policy_id}/unbind", "200")]
    [InlineData("ShowTargetsInDevicePolicy", OperationType.Post, "/v5/iot/{project_id}/device-policies/{policy_id}/list-targets", "200")]
    public void Declares_each_operation_with_its_path_method_success_and_error_statuses(string operationId, OperationType method, string path, string success)
    {
        var document = Read(out _);

        var pathItem = document.Paths[path];
        var operation = pathItem.Operations[method];
        Assert.Equal(operationId, operation.OperationId);
        Assert.Equal(new[] { success, "400", "401", "403", "404", "500" }, operation.Responses.Keys.ToArray());
        foreach (var error in new[] { "400", "401", "403", "404", "500" })
        {
            Assert.Equal("ErrorResponse", operation.Responses[error].Content["application/json"].Schema.Reference.Id);
        }

        var instanceId = pathItem.Parameters.Single(p => p.Name == "Instance-Id");
        Assert.Equal(ParameterLocation.Header, instanceId.In);
        Assert.False(instanceId.Required);
        Assert.Equal("InstanceId", instanceId.Reference.Id);
        Assert.Contains(pathItem.Parameters, p => p.Name == "project_id" && p.In == ParameterLocation.Path && p.Required);
    }

    [Fact]
    public void Keeps_the_agreed_device_policy_schemas_and_names_the_others_clearly()
    {
        var names = Read(out _).Components.Schemas.Keys.ToArray();

        Assert.Subset(
            names.ToHashSet(),
            new HashSet<string>
            {
                "DevicePolicyStatement", "CreateDevicePolicyRequestBody", "UpdateDevicePolicyRequestBody", "DevicePolicy",
                "DevicePolicySummary", "ListDevicePoliciesResponse", "Page", "DevicePolicyTargetsRequestBody",
                "DevicePolicyBindOrUnbindResult", "DevicePolicyBindOrUnbindFailureDetail", "ShowTargetsInDevicePolicyRequestBody",
                "ShowTargetsInDevicePolicyResponse", "DevicePolicyTarget", "ErrorResponse",
            });
        Assert.DoesNotContain(names, name => name.EndsWith("Req", StringComparison.Ordinal) || name.EndsWith("Dto", StringComparison.Ordinal) ||
                                             name.Contains("UnBind", StringComparison.Ordinal) || name == "Task");
    }

    [Fact]
    public void States_the_bind_and_unbind_limits_and_batching_extension()
    {
        var document = Read(out _);
        var body = document.Components.Schemas["DevicePolicyTargetsRequestBody"];

        Assert.Equal(new[] { "target_type", "target_ids" }, body.Required.OrderByDescending(n => n).ToArray());
        Assert.Equal(20, body.Properties["target_ids"].MaxItems);
        Assert.Contains("A maximum of 20 IDs can be unbound at a time.", body.Properties["target_ids"].Description);
        Assert.Equal(new[] { "device", "product", "app" }, body.Properties["target_type"].Enum.Cast<OpenApiString>().Select(v => v.Value).ToArray());
        foreach (var path in new[] { "/v5/iot/{project_id}/device-policies/{policy_id}/bind", "/v5/iot/{project_id}/device-policies/{policy_id}/unbind" })
        {
            var operation = document.Paths[path].Operations[OperationType.Post];
            Assert.Equal("target_ids", ((OpenApiString)operation.Extensions["x-iotda-batch-items"]).Value);
        }
    }

    [Fact]
    public void States_the_create_rules_and_policy_id_format()
    {
        var document = Read(out _);
        var create = document.Components.Schemas["CreateDevicePolicyRequestBody"];
        var statement = document.Components.Schemas["DevicePolicyStatement"];

        Assert.Equal(128, create.Properties["policy_name"].MaxLength);
        Assert.Equal("^[A-Za-z0-9_-]*$", create.Properties["policy_name"].Pattern);
        Assert.Equal(36, create.Properties["app_id"].MaxLength);
        Assert.Equal("^[A-Za-z0-9_-]*$", create.Properties["app_id"].Pattern);
        Assert.Equal(new[] { "ALLOW", "DENY" }, statement.Properties["effect"].Enum.Cast<OpenApiString>().Select(v => v.Value).ToArray());
        Assert.Equal(1, statement.Properties["resources"].MinItems);
        Assert.Equal(10, statement.Properties["resources"].MaxItems);
        Assert.Equal("^[0-9a-fA-F]{24}$", document.Components.Parameters["PolicyId"].Schema.Pattern);
    }

    [Fact]
    public void States_the_paging_ranges_defaults_and_marker_extension()
    {
        var document = Read(out _);
        var list = document.Paths["/v5/iot/{project_id}/device-policies"].Operations[OperationType.Get];
        var limit = list.Parameters.Single(p => p.Name == "limit").Schema;
        var offset = list.Parameters.Single(p => p.Name == "offset").Schema;
        var marker = list.Parameters.Single(p => p.Name == "marker").Schema;

        Assert.Equal((1m, 50m, 10), (limit.Minimum, limit.Maximum, ((OpenApiInteger)limit.Default).Value));
        Assert.Equal((0m, 500m, 0), (offset.Minimum, offset.Maximum, ((OpenApiInteger)offset.Default).Value));
        Assert.Equal("ffffffffffffffffffffffff", ((OpenApiString)marker.Default).Value);
        Assert.Equal(256, list.Parameters.Single(p => p.Name == "policy_name").Schema.MaxLength);
        Assert.Equal("marker", ((OpenApiString)list.Extensions["x-iotda-page-marker"]).Value);
        var targets = document.Paths["/v5/iot/{project_id}/device-policies/{policy_id}/list-targets"].Operations[OperationType.Post];
        Assert.Equal("marker", ((OpenApiString)targets.Extensions["x-iotda-page-marker"]).Value);
        var targetsBody = document.Components.Schemas["ShowTargetsInDevicePolicyRequestBody"];
        Assert.Equal((1m, 50m), (targetsBody.Properties["limit"].Minimum, targetsBody.Properties["limit"].Maximum));
        Assert.Equal((0m, 500m), (targetsBody.Properties["offset"].Minimum, targetsBody.Properties["offset"].Maximum));
    }

    [Fact]
    public void Carries_the_seed_examples()
    {
        var document = Read(out _);
        var unbind = document.Paths["/v5/iot/{project_id}/device-policies/{policy_id}/unbind"].Operations[OperationType.Post];

        var product = (OpenApiObject)unbind.RequestBody.Content["application/json"].Examples["product"].Value;
        Assert.Equal("product", ((OpenApiString)product["target_type"]).Value);
        var response = (OpenApiObject)unbind.Responses["200"].Content["application/json"].Examples["partialFailure"].Value;
        var failure = (OpenApiObject)((OpenApiArray)response["failure_targets"])[0];
        Assert.Equal("IOTDA.015207", ((OpenApiString)failure["error_code"]).Value);
    }
}
