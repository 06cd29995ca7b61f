using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using IoTDA.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTDA.Emulator.Http;

/// <summary>The eight device-policy operations of the service, against <see cref="EmulatorState"/>.</summary>
internal sealed class DevicePolicyApi
{
    private const int MaxTargetIdsPerCall = 20;
    private const int MaxPolicyNameLength = 128;
    private const int MaxAppIdLength = 36;
    private const int MaxQueryPolicyNameLength = 256;
    private const int MaxResourcesPerStatement = 10;

    private readonly EmulatorState _state;
    private readonly IoTDAEmulatorOptions _options;

    public DevicePolicyApi(EmulatorState state, IoTDAEmulatorOptions options)
    {
        _state = state;
        _options = options;
    }

    public ApiResponse Create(HttpContext context, ReceivedRequest request)
    {
        using var document = JsonInput.ParseObject(request.Body, optional: false)!;
        var root = document.RootElement;
        var name = JsonInput.Identifier(JsonInput.RequiredString(root, "policy_name"), "policy_name", MaxPolicyNameLength)!;
        var appId = JsonInput.Identifier(JsonInput.OptionalString(root, "app_id"), "app_id", MaxAppIdLength) ?? _options.DefaultAppId;
        var statements = ReadStatements(root, required: true)!;
        var now = Now();
        var policy = _state.Change(request.InstanceId, (instance, ids) =>
        {
            if (instance.Policies.Count >= _options.MaxPoliciesPerInstance)
            {
                throw new ApiError(400, EmulatorErrorCodes.PolicyLimitReached,
                    $"The instance already holds {instance.Policies.Count} device policies, the most it may hold ({_options.MaxPoliciesPerInstance}).");
            }

            var created = new PolicyRecord(ids.Next(now), appId, name, statements, now);
            instance.Policies.Add(created);
            return new ChangeResult<PolicyRecord>(created, changed: true);
        });
        return new ApiResponse(201, writer => ResponseWriter.WritePolicy(writer, policy));
    }

    public ApiResponse List(HttpContext context, ReceivedRequest request)
    {
        var query = context.Request.Query;
        var appId = JsonInput.Identifier(SingleQueryValue(query, "app_id"), "app_id", MaxAppIdLength);
        var policyName = SingleQueryValue(query, "policy_name");
        if (policyName is not null && policyName.Length > MaxQueryPolicyNameLength)
        {
            throw ApiError.InvalidInput($"policy_name must be at most {MaxQueryPolicyNameLength} characters.");
        }

        var limit = JsonInput.Limit(QueryInt(query, "limit"));
        var offset = JsonInput.Offset(QueryInt(query, "offset"));
        var marker = JsonInput.Marker(SingleQueryValue(query, "marker"));
        var page = _state.Read(request.InstanceId, instance =>
        {
            var matching = new List<PolicyRecord>();
            for (var index = instance.Policies.Count - 1; index >= 0; index--)
            {
                var policy = instance.Policies[index];
                if ((appId is null || policy.AppId == appId) && (policyName is null || policy.Name == policyName))
                {
                    matching.Add(policy);
                }
            }

            return Page.Of(matching, policy => policy.PolicyId, marker, offset, limit);
        });
        return new ApiResponse(200, writer => ResponseWriter.WritePolicyPage(writer, page));
    }

    public ApiResponse Show(HttpContext context, ReceivedRequest request)
    {
        var policyId = PolicyId(context);
        var policy = _state.Read(request.InstanceId, instance => instance.Find(policyId)) ?? throw NotFound(policyId);
        return new ApiResponse(200, writer => ResponseWriter.WritePolicy(writer, policy));
    }

    public ApiResponse Update(HttpContext context, ReceivedRequest request)
    {
        var policyId = PolicyId(context);
        using var document = JsonInput.ParseObject(request.Body, optional: false)!;
        var root = document.RootElement;
        var name = JsonInput.Identifier(JsonInput.OptionalString(root, "policy_name"), "policy_name", MaxPolicyNameLength);
        var statements = ReadStatements(root, required: false);
        var now = Now();
        var policy = _state.Change(request.InstanceId, (instance, _) =>
        {
            var found = instance.Find(policyId) ?? throw NotFound(policyId);
            found.Name = name ?? found.Name;
            found.Statements = statements ?? found.Statements;
            found.UpdateTime = now;
            return new ChangeResult<PolicyRecord>(found, changed: true);
        });
        return new ApiResponse(200, writer => ResponseWriter.WritePolicy(writer, policy));
    }

    public ApiResponse Delete(HttpContext context, ReceivedRequest request)
    {
        var policyId = PolicyId(context);
        _state.Change(request.InstanceId, (instance, _) =>
        {
            var found = instance.Find(policyId) ?? throw NotFound(policyId);

            // The bindings live on the policy, so removing it unbinds every target.
            instance.Policies.Remove(found);
            return new ChangeResult<bool>(true, changed: true);
        });
        return ApiResponse.NoContent;
    }

    public ApiResponse Bind(HttpContext context, ReceivedRequest request) => BindOrUnbind(context, request, bind: true);

    public ApiResponse Unbind(HttpContext context, ReceivedRequest request) => BindOrUnbind(context, request, bind: false);

    public ApiResponse ListTargets(HttpContext context, ReceivedRequest request)
    {
        var policyId = PolicyId(context);
        using var document = JsonInput.ParseObject(request.Body, optional: true);
        string? targetType = null;
        int? limitValue = null;
        int? offsetValue = null;
        string? markerValue = null;
        if (document is not null)
        {
            var root = document.RootElement;
            var type = JsonInput.OptionalString(root, "target_type");
            targetType = type is null ? null : JsonInput.TargetType(type, "target_type");
            limitValue = JsonInput.OptionalInt(root, "limit");
            offsetValue = JsonInput.OptionalInt(root, "offset");
            markerValue = JsonInput.OptionalString(root, "marker");
        }

        var limit = JsonInput.Limit(limitValue);
        var offset = JsonInput.Offset(offsetValue);
        var marker = JsonInput.Marker(markerValue);
        var page = _state.Read(request.InstanceId, instance =>
        {
            var policy = instance.Find(policyId) ?? throw NotFound(policyId);
            var matching = new List<BindingRecord>();
            for (var index = policy.Targets.Count - 1; index >= 0; index--)
            {
                if (targetType is null || policy.Targets[index].TargetType == targetType)
                {
                    matching.Add(policy.Targets[index]);
                }
            }

            return Page.Of(matching, target => target.RecordId, marker, offset, limit);
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteTargetPage(writer, page));
    }

    private ApiResponse BindOrUnbind(HttpContext context, ReceivedRequest request, bool bind)
    {
        var policyId = PolicyId(context);
        using var document = JsonInput.ParseObject(request.Body, optional: false)!;
        var root = document.RootElement;
        var targetType = JsonInput.TargetType(JsonInput.OptionalString(root, "target_type"), "target_type");
        var targetIds = JsonInput.RequiredStringArray(root, "target_ids");
        if (targetIds.Count == 0 || targetIds.Count > MaxTargetIdsPerCall)
        {
            throw ApiError.InvalidInput(
                $"target_ids must hold 1 to {MaxTargetIdsPerCall} IDs; a maximum of {MaxTargetIdsPerCall} IDs can be {(bind ? "bound" : "unbound")} at a time, and {targetIds.Count} were sent.");
        }

        var now = Now();
        var outcome = _state.Change(request.InstanceId, (instance, ids) =>
        {
            var policy = instance.Find(policyId) ?? throw NotFound(policyId);
            var result = new BindOutcome(policy.PolicyId, targetType);
            foreach (var targetId in targetIds)
            {
                var bound = policy.Targets.FindIndex(target => target.TargetType == targetType && target.TargetId == targetId);
                if (bind)
                {
                    if (bound >= 0)
                    {
                        result.Fail(targetId, EmulatorErrorCodes.TargetAlreadyBound, "Invalid input. The target has already bound the device-policy.");
                    }
                    else if (!TargetExists(targetType, targetId))
                    {
                        result.Fail(targetId, EmulatorErrorCodes.TargetNotFound, $"Invalid input. The {targetType} does not exist.");
                    }
                    else
                    {
                        policy.Targets.Add(new BindingRecord(ids.Next(now), targetType, targetId));
                        result.Succeeded.Add(targetId);
                    }
                }
                else if (bound < 0)
                {
                    result.Fail(targetId, EmulatorErrorCodes.TargetNotBound, "Invalid input. The target does not bind the device-policy.");
                }
                else
                {
                    policy.Targets.RemoveAt(bound);
                    result.Succeeded.Add(targetId);
                }
            }

            return new ChangeResult<BindOutcome>(result, changed: result.Succeeded.Count > 0);
        });
        return new ApiResponse(200, writer => ResponseWriter.WriteBindOutcome(writer, outcome));
    }

    private bool TargetExists(string targetType, string targetId)
    {
        if (_options.TargetExists is { } exists)
        {
            return exists(targetType, targetId);
        }

        return targetType switch
        {
            "device" => JsonInput.IsDeviceId(targetId),
            "product" => JsonInput.IsHexId(targetId),
            _ => JsonInput.IsAppId(targetId),
        };
    }

    private static List<StatementRecord>? ReadStatements(JsonElement root, bool required)
    {
        if (!root.TryGetProperty("statement", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return required ? throw ApiError.InvalidInput("statement is required.") : null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw ApiError.InvalidInput("statement must be an array.");
        }

        var statements = new List<StatementRecord>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw ApiError.InvalidInput("Each statement must be an object.");
            }

            var effect = JsonInput.RequiredString(element, "effect");
            if (effect is not ("ALLOW" or "DENY"))
            {
                throw ApiError.InvalidInput($"effect must be ALLOW or DENY; got '{effect}'.");
            }

            var actions = JsonInput.RequiredStringArray(element, "actions");
            var resources = JsonInput.RequiredStringArray(element, "resources");
            if (resources.Count is 0 or > MaxResourcesPerStatement)
            {
                throw ApiError.InvalidInput($"resources must hold 1 to {MaxResourcesPerStatement} items; got {resources.Count}.");
            }

            statements.Add(new StatementRecord(effect, actions, resources));
        }

        return statements;
    }

    private static string PolicyId(HttpContext context)
    {
        var value = context.Request.RouteValues["policy_id"] as string ?? string.Empty;
        return JsonInput.IsHexId(value)
            ? value.ToLowerInvariant()
            : throw ApiError.InvalidInput($"policy_id must be 24 hexadecimal characters; got '{value}'.");
    }

    private static ApiError NotFound(string policyId) =>
        new(404, EmulatorErrorCodes.PolicyNotFound, $"The device policy {policyId} does not exist.");

    private static string? SingleQueryValue(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw ApiError.InvalidInput($"{name} must be given once.");
    }

    private static int? QueryInt(IQueryCollection query, string name)
    {
        var text = SingleQueryValue(query, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiError.InvalidInput($"{name} must be an integer; got '{text}'.");
    }

    private DateTimeOffset Now()
    {
        // Whole seconds: the wire format has no fractions, and a file round trip must give the same times.
        var now = _options.TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

internal sealed class BindOutcome
{
    public BindOutcome(string policyId, string targetType)
    {
        PolicyId = policyId;
        TargetType = targetType;
    }

    public string PolicyId { get; }

    public string TargetType { get; }

    public List<string> Succeeded { get; } = new();

    public List<(string TargetId, string Code, string Message)> Failed { get; } = new();

    public void Fail(string targetId, string code, string message) => Failed.Add((targetId, code, message));
}

/// <summary>One page of a list sorted newest first: records below the marker, after the offset, at most limit.</summary>
internal sealed class Page<T>
{
    public Page(List<T> items, long count, string? marker)
    {
        Items = items;
        Count = count;
        Marker = marker;
    }

    public List<T> Items { get; }

    /// <summary>How many records match the filters in all, whatever the marker, offset and limit.</summary>
    public long Count { get; }

    /// <summary>The last record's ID on this page; null when the page is empty.</summary>
    public string? Marker { get; }
}

internal static class Page
{
    public static Page<T> Of<T>(List<T> newestFirst, Func<T, string> id, string marker, int offset, int limit)
    {
        var items = new List<T>();
        var skipped = 0;
        foreach (var item in newestFirst)
        {
            if (string.CompareOrdinal(id(item), marker) >= 0)
            {
                continue;
            }

            if (skipped < offset)
            {
                skipped++;
                continue;
            }

            items.Add(item);
            if (items.Count == limit)
            {
                break;
            }
        }

        return new Page<T>(items, newestFirst.Count, items.Count == 0 ? null : id(items[^1]));
    }
}
