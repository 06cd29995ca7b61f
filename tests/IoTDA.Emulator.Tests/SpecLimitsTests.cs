using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using IoTDA.Emulator.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// The emulator's limits and routes against the bundled spec, so the two cannot drift apart: each place where the
/// spec states one of the limits in DevicePolicyLimits is a row here, and the test lists every row that disagrees.
/// </summary>
public sealed class SpecLimitsTests
{
    private const string PoliciesPath = "/v5/iot/{project_id}/device-policies";

    private static readonly OpenApiDocument Spec = ReadSpec();

    [Fact]
    public void Every_limit_of_the_emulator_is_the_one_the_spec_states()
    {
        var policyName = new[] { Property("CreateDevicePolicyRequestBody", "policy_name"), Property("UpdateDevicePolicyRequestBody", "policy_name") };
        var appId = new[] { Property("CreateDevicePolicyRequestBody", "app_id"), ListQuery("app_id") };
        var targetTypes = new[]
        {
            Property("DevicePolicyTargetsRequestBody", "target_type"),
            Property("ShowTargetsInDevicePolicyRequestBody", "target_type"),
            Property("DevicePolicyTarget", "target_type"),
            Property("DevicePolicyBindOrUnbindResult", "target_type"),
        };
        var limit = new[] { Parameter("Limit"), Property("ShowTargetsInDevicePolicyRequestBody", "limit") };
        var offset = new[] { Parameter("Offset"), Property("ShowTargetsInDevicePolicyRequestBody", "offset") };
        var marker = new[] { Parameter("Marker"), Property("ShowTargetsInDevicePolicyRequestBody", "marker") };
        var resources = Property("DevicePolicyStatement", "resources");
        var effect = Property("DevicePolicyStatement", "effect");
        var targetIds = Property("DevicePolicyTargetsRequestBody", "target_ids");
        var policyNameFilter = ListQuery("policy_name");
        var policyId = Parameter("PolicyId");
        var rows = new List<(string Where, object Emulator, object? Spec)>
        {
            ("CreateDevicePolicy's description, at most N device policies", MaxPoliciesPerInstance, PoliciesPerInstance()),
            (policyNameFilter.Where + " maxLength", MaxQueryPolicyNameLength, policyNameFilter.Schema.MaxLength),
            (resources.Where + " minItems", MinResourcesPerStatement, resources.Schema.MinItems),
            (resources.Where + " maxItems", MaxResourcesPerStatement, resources.Schema.MaxItems),
            (effect.Where + " enum", Join(Effects), Join(effect.Schema.Enum)),
            (targetIds.Where + " maxItems", MaxTargetIdsPerCall, targetIds.Schema.MaxItems),
            (policyId.Where + " pattern", Anchored(HexIdPattern), policyId.Schema.Pattern),
        };
        foreach (var (where, schema) in policyName)
        {
            rows.Add((where + " maxLength", MaxPolicyNameLength, schema.MaxLength));
            rows.Add((where + " pattern", Anchored(IdentifierPattern), schema.Pattern));
        }

        foreach (var (where, schema) in appId)
        {
            rows.Add((where + " maxLength", MaxAppIdLength, schema.MaxLength));
            rows.Add((where + " pattern", Anchored(IdentifierPattern), schema.Pattern));
        }

        foreach (var (where, schema) in targetTypes)
        {
            rows.Add((where + " enum", Join(TargetTypes), Join(schema.Enum)));
        }

        foreach (var (where, schema) in limit)
        {
            rows.Add((where + " minimum", MinLimit, schema.Minimum));
            rows.Add((where + " maximum", MaxLimit, schema.Maximum));
            rows.Add((where + " default", DefaultLimit, Value(schema.Default)));
        }

        foreach (var (where, schema) in offset)
        {
            rows.Add((where + " minimum", MinOffset, schema.Minimum));
            rows.Add((where + " maximum", MaxOffset, schema.Maximum));
            rows.Add((where + " default", DefaultOffset, Value(schema.Default)));
        }

        foreach (var (where, schema) in marker)
        {
            rows.Add((where + " pattern", Anchored(HexIdPattern), schema.Pattern));
            rows.Add((where + " default", DefaultMarker, Value(schema.Default)));
        }

        var disagreements = rows
            .Where(row => Text(row.Emulator) != Text(row.Spec))
            .Select(row => $"{row.Where}: the emulator has {Text(row.Emulator)}, the spec {Text(row.Spec) ?? "nothing"}")
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    [Fact]
    public void The_route_table_serves_every_device_policy_operation_of_the_bundled_spec()
    {
        var spec = Spec.Paths
            .Where(path => path.Key.StartsWith(PoliciesPath, StringComparison.Ordinal))
            .SelectMany(path => path.Value.Operations.Select(operation =>
                $"{operation.Value.OperationId} {operation.Key.ToString().ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var served = ApiOperations.All
            .Where(operation => operation.Template.StartsWith(PoliciesPath, StringComparison.Ordinal))
            .Select(operation => $"{operation.OperationId} {operation.Method} {operation.Template} {(operation.Handler is null ? "unserved" : "served")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(spec.Select(operation => operation + " served"), served);
    }

    private static OpenApiDocument ReadSpec()
    {
        var path = typeof(SpecLimitsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "Spec").Value!;
        using var stream = File.OpenRead(path);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        Assert.Empty(diagnostic.Errors);
        return document;
    }

    private static (string Where, OpenApiSchema Schema) Property(string schema, string property) =>
        ($"{schema}.{property}", Spec.Components.Schemas[schema].Properties[property]);

    private static (string Where, OpenApiSchema Schema) Parameter(string name) =>
        ($"parameters.{name}", Spec.Components.Parameters[name].Schema);

    private static (string Where, OpenApiSchema Schema) ListQuery(string name) =>
        ($"ListDevicePolicies query {name}", Spec.Paths[PoliciesPath].Operations[OperationType.Get].Parameters.Single(parameter => parameter.Name == name).Schema);

    /// <summary>The number in "at most N device policies": the spec states this limit only in words.</summary>
    private static string? PoliciesPerInstance()
    {
        var match = Regex.Match(Spec.Paths[PoliciesPath].Operations[OperationType.Post].Description, @"at most (\d+) device policies");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Anchored(string pattern) => "^" + pattern + "$";

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);

    private static string Join(IEnumerable<IOpenApiAny> values) => Join(values.Select(value => Text(Value(value)) ?? "null"));

    private static object? Value(IOpenApiAny? value) => value switch
    {
        null => null,
        OpenApiInteger integer => integer.Value,
        OpenApiString text => text.Value,
        _ => throw new InvalidOperationException($"The spec holds a {value.AnyType} value where this test expects an integer or a string."),
    };

    private static string? Text(object? value) => value is null ? null : FormattableString.Invariant($"{value}");
}
