using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from the bundled spec (through the OpenApiSpec item, as a consumer
/// gets it), running on the real IoTDA.Runtime against a stub handler.
/// </summary>
public class GeneratedClientBehaviourTests
{
    private const string PolicyId = "5c90fa7d3c4e4405e8525079";

    private static StubHandler Unreachable() => new((_, _) => throw new InvalidOperationException("Nothing may be sent."));

    [Fact]
    public async Task Unbind_sends_the_documented_request_and_reads_the_seed_response()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """
            {"policy_id":"5c90fa7d3c4e4405e8525079","target_type":"device",
             "success_targets":["64a7ba7ef9cb063d27e16b97_123456","64a7ba7ef9cb063d27e16b97_123457"],
             "failure_targets":[{"target_id":"64a7ba7ef9cb063d27e16b97_123458","error_code":"IOTDA.015207",
               "error_msg":"Invalid input. The target does not bind the device-policy.","extra":{"nested":[1,2]}}]}
            """));

        var result = await handler.CreateClient().UnbindDevicePolicyAsync(
            PolicyId,
            new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { "64a7ba7ef9cb063d27e16b97_123456" } });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v5/iot/project-1/device-policies/" + PolicyId + "/unbind", request.Uri.AbsolutePath);
        Assert.Equal("""{"target_type":"device","target_ids":["64a7ba7ef9cb063d27e16b97_123456"]}""", request.Body);
        Assert.Equal("instance-1", request.InstanceId);
        Assert.Equal(PolicyId, result.PolicyId);
        Assert.Equal(TargetType.Device, result.TargetType);
        Assert.Equal(2, result.SuccessTargets.Count);
        var failure = Assert.Single(result.FailureTargets);
        Assert.Equal(("64a7ba7ef9cb063d27e16b97_123458", "IOTDA.015207"), (failure.TargetId, failure.ErrorCode));
    }

    [Fact]
    public async Task An_explicit_instance_id_wins_over_the_options()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

        await handler.CreateClient().DeleteDevicePolicyAsync(PolicyId, instanceId: "explicit");

        Assert.Equal("explicit", Assert.Single(handler.Requests).InstanceId);
        Assert.Equal(HttpMethod.Delete, handler.Requests[0].Method);
    }

    [Fact]
    public async Task Too_many_target_ids_throw_naming_member_count_and_limit_before_sending()
    {
        var handler = Unreachable();
        var body = new DevicePolicyTargetsRequestBody
        {
            TargetType = TargetType.Device,
            TargetIds = Enumerable.Range(0, 21).Select(i => "id" + i).ToArray(),
        };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => handler.CreateClient().UnbindDevicePolicyAsync(PolicyId, body));

        Assert.StartsWith("target_ids has 21 items; the API accepts at most 20 per call.", exception.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_target_type_is_rejected_with_the_allowed_values()
    {
        var handler = Unreachable();
        var body = new DevicePolicyTargetsRequestBody { TargetType = "devices", TargetIds = new[] { "a" } };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => handler.CreateClient().BindDevicePolicyAsync(PolicyId, body));

        Assert.StartsWith("'devices' is not a valid target_type; expected device, product or app.", exception.Message);
        Assert.Equal("target_type", exception.ParamName);
    }

    [Fact]
    public async Task A_missing_required_member_is_named()
    {
        var handler = Unreachable();

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() =>
            handler.CreateClient().UnbindDevicePolicyAsync(PolicyId, new DevicePolicyTargetsRequestBody { TargetIds = new[] { "a" } }));

        Assert.Equal("target_type", exception.ParamName);
    }

    [Fact]
    public async Task Patterns_lengths_and_ranges_are_enforced_with_the_value_and_the_limit()
    {
        var client = Unreachable().CreateClient();

        var pattern = await Assert.ThrowsAsync<ArgumentException>(() => client.ShowDevicePolicyAsync("not-hex"));
        Assert.StartsWith("policy_id 'not-hex' does not match the pattern ^[0-9a-fA-F]{24}$.", pattern.Message);

        var range = await Assert.ThrowsAsync<ArgumentException>(() => client.ListDevicePoliciesAsync(limit: 100));
        Assert.StartsWith("limit is 100; the API accepts at least 1 and at most 50.", range.Message);

        var create = new CreateDevicePolicyRequestBody
        {
            PolicyName = new string('a', 129),
            Statement = new[] { new DevicePolicyStatement { Effect = Effect.Allow, Actions = new[] { "iotda:devices:publish" }, Resources = Array.Empty<string>() } },
        };
        var length = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateDevicePolicyAsync(create));
        Assert.Contains("policy_name", length.Message);
        Assert.Contains("is 129 characters long; the API accepts at most 128.", length.Message);

        create.PolicyName = "ok";
        var nested = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateDevicePolicyAsync(create));
        Assert.StartsWith("statement[0].resources has 0 items; the API needs at least 1.", nested.Message);
    }

    [Fact]
    public void Lengths_count_unicode_code_points_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 128));

        IoTDAValidation.MaxLength(emoji, "policy_name", 128);
        Assert.Throws<ArgumentException>(() => IoTDAValidation.MaxLength(emoji + "\U0001F600", "policy_name", 128));
    }

    [Fact]
    public void Unknown_enum_values_round_trip_through_the_generated_json_code_and_System_Text_Json()
    {
        const string json = """{"policy_id":"p","target_type":"gateway","success_targets":["a"],"failure_targets":[]}""";
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();

        // A response type has a reader only and a request type a writer only: the value read goes out in a request.
        var result = IoTDAClientJson.ReadDevicePolicyBindOrUnbindResult(ref reader);
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            IoTDAClientJson.WriteDevicePolicyTargetsRequestBody(writer, new DevicePolicyTargetsRequestBody { TargetType = result.TargetType!.Value, TargetIds = result.SuccessTargets });
        }

        Assert.Equal("gateway", result.TargetType?.ToString());
        Assert.NotEqual(TargetType.Device, result.TargetType);
        Assert.Equal("""{"target_type":"gateway","target_ids":["a"]}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        var viaSerializer = JsonSerializer.Serialize(new DevicePolicyTargetsRequestBody { TargetType = "gateway", TargetIds = new[] { "x" } });
        Assert.Equal("""{"target_type":"gateway","target_ids":["x"]}""", viaSerializer);
        Assert.Equal("gateway", JsonSerializer.Deserialize<DevicePolicyTargetsRequestBody>(viaSerializer)!.TargetType.ToString());
    }

    [Fact]
    public void Absent_arrays_read_as_empty_and_unknown_members_are_skipped()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""{"unknown":{"a":[1,{"b":null}]},"targets":null,"page":{"count":3}}""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();

        var page = IoTDAClientJson.ReadShowTargetsInDevicePolicyResponse(ref reader);

        Assert.Empty(page.Targets);
        Assert.Equal(3, page.Page?.Count);
        Assert.Null(page.Page?.Marker);
    }

    [Fact]
    public async Task InBatches_dedupes_splits_by_maxItems_and_merges_every_id_exactly_once()
    {
        var ids = Enumerable.Range(0, 45).Select(i => "dev_" + i).ToList();
        var input = ids.Concat(new[] { "dev_3", "dev_44" }).ToList();
        var handler = new StubHandler((request, call) =>
        {
            var sent = JsonDocument.Parse(request.Body!).RootElement.GetProperty("target_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            return call switch
            {
                // One failure reported, one ID left out of both lists, the rest succeed.
                1 => StubHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["policy_id"] = PolicyId,
                    ["target_type"] = "device",
                    ["success_targets"] = sent.Skip(2),
                    ["failure_targets"] = new[] { new Dictionary<string, string> { ["target_id"] = sent[0], ["error_code"] = "IOTDA.015207", ["error_msg"] = "not bound" } },
                })),
                2 => StubHandler.Json(HttpStatusCode.BadRequest, """{"error_code":"IOTDA.000006","error_msg":"Invalid input data."}"""),
                _ => StubHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object> { ["success_targets"] = sent })),
            };
        });
        var progress = new RecordingProgress<BatchProgress>();

        var result = await handler.CreateClient().UnbindDevicePolicyInBatchesAsync(PolicyId, TargetType.Device, input, progress);

        Assert.Equal(new[] { 20, 20, 5 }, handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("target_ids").GetArrayLength()));
        var reported = result.SuccessTargets.Concat(result.FailureTargets.Select(f => f.TargetId!)).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), reported.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal("IOTDA.015207", result.FailureTargets.Single(f => f.TargetId == "dev_0").ErrorCode);
        Assert.Equal(BatchCollector.NotReportedErrorCode, result.FailureTargets.Single(f => f.TargetId == "dev_1").ErrorCode);
        Assert.All(ids.Skip(20).Take(20), id => Assert.Equal("IOTDA.000006", result.FailureTargets.Single(f => f.TargetId == id).ErrorCode));
        Assert.Equal(18 + 5, result.SuccessTargets.Count);
        Assert.Equal(PolicyId, result.PolicyId);
        Assert.Equal(TargetType.Device, result.TargetType);
        Assert.Equal(new[] { 1, 2, 3 }, progress.Reports.Select(p => p.CompletedBatches));
        Assert.Equal((45, 45, 23, 22), (progress.Reports[^1].CompletedItems, progress.Reports[^1].TotalItems, progress.Reports[^1].SucceededItems, progress.Reports[^1].FailedItems));
    }

    [Fact]
    public async Task InBatches_stops_on_cancellation_and_progress_tells_what_completed()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new StubHandler((request, _) =>
        {
            var sent = JsonDocument.Parse(request.Body!).RootElement.GetProperty("target_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            return StubHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object> { ["success_targets"] = sent }));
        });
        var progress = new RecordingProgress<BatchProgress>(_ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handler.CreateClient().BindDevicePolicyInBatchesAsync(
            PolicyId, TargetType.Product, Enumerable.Range(0, 50).Select(i => "p" + i), progress, cancellationToken: cancellation.Token));

        Assert.Single(handler.Requests);
        Assert.Equal((1, 3, 20), (progress.Reports.Single().CompletedBatches, progress.Reports.Single().TotalBatches, progress.Reports.Single().SucceededItems));
    }

    [Fact]
    public async Task AllAsync_follows_the_query_marker_and_sends_the_offset_only_first()
    {
        var handler = new StubHandler((request, call) => StubHandler.Json(HttpStatusCode.OK, call switch
        {
            1 => """{"policies":[{"policy_id":"cccccccccccccccccccccccc"},{"policy_id":"bbbbbbbbbbbbbbbbbbbbbbbb"}],"page":{"count":3,"marker":"bbbbbbbbbbbbbbbbbbbbbbbb"}}""",
            2 => """{"policies":[{"policy_id":"aaaaaaaaaaaaaaaaaaaaaaaa"}],"page":{"count":3,"marker":"aaaaaaaaaaaaaaaaaaaaaaaa"}}""",
            _ => """{"policies":[],"page":{"count":3}}""",
        }));

        var ids = new List<string?>();
        await foreach (var policy in handler.CreateClient().ListDevicePoliciesAllAsync(limit: 2, offset: 1))
        {
            ids.Add(policy.PolicyId);
        }

        Assert.Equal(new[] { "cccccccccccccccccccccccc", "bbbbbbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaaaaaa" }, ids);
        Assert.Equal(new[] { "?limit=2&offset=1", "?limit=2&marker=bbbbbbbbbbbbbbbbbbbbbbbb", "?limit=2&marker=aaaaaaaaaaaaaaaaaaaaaaaa" }, handler.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task AllAsync_carries_the_marker_in_the_body_when_the_spec_puts_it_there()
    {
        var handler = new StubHandler((request, call) => StubHandler.Json(HttpStatusCode.OK, call switch
        {
            1 => """{"targets":[{"target_type":"device","target_id":"d1"}],"page":{"marker":"111111111111111111111111"}}""",
            _ => """{"targets":[{"target_type":"product","target_id":"p1"}],"page":{}}""",
        }));

        var targets = new List<DevicePolicyTarget>();
        await foreach (var target in handler.CreateClient().ShowTargetsInDevicePolicyAllAsync(PolicyId, TargetType.Device, limit: 1))
        {
            targets.Add(target);
        }

        Assert.Equal(new[] { "d1", "p1" }, targets.Select(t => t.TargetId));
        Assert.Equal(TargetType.Product, targets[1].TargetType);
        Assert.Equal(
            new[] { """{"target_type":"device","limit":1}""", """{"target_type":"device","limit":1,"marker":"111111111111111111111111"}""" },
            handler.Requests.Select(r => r.Body));
    }

    [Fact]
    public void Maps_read_and_write_as_JSON_objects_in_member_order()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""{"b":[1,2],"a":null,"c":[]}""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();

        var map = IoTDAJson.ReadMap(ref reader, (ref Utf8JsonReader r) => IoTDAJson.ReadList(ref r, IoTDAJson.ReadInt32Item));
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            IoTDAJson.WriteMap(writer, map, (w, list) => IoTDAJson.WriteList(w, list, (w2, n) => w2.WriteNumberValue(n)));
        }

        Assert.Equal(new[] { 1, 2 }, map["b"]);
        Assert.Empty(map["a"]);
        Assert.Equal("""{"b":[1,2],"a":[],"c":[]}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
