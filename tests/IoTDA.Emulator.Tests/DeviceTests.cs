using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class DeviceTests
{
    private readonly IoTDAEmulator _emulator;

    public DeviceTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task An_added_device_is_product_underscore_node_and_shows_every_member_as_the_service_names_them()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("thermometer");

        var added = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/devices",
            $$$"""{"product_id":"{{{productId}}}","node_id":"sensor-1","description":"on the roof","extension_info":{"floor":7}}""");
        var shown = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/devices/{productId}_sensor-1");

        Assert.Equal(productId + "_sensor-1", added.GetProperty("device_id").GetString());
        Assert.Equal(added.ToString(), shown.ToString());
        Assert.Equal(
            new[] { "app_id", "device_id", "node_id", "gateway_id", "device_name", "node_type", "description", "auth_info", "product_id", "product_name", "status", "create_time", "tags", "extension_info" },
            RawApi.Names(shown));
        Assert.Equal((productId + "_sensor-1", "sensor-1", "GATEWAY", "thermometer", "INACTIVE"), (
            shown.GetProperty("gateway_id").GetString(), shown.GetProperty("device_name").GetString(), shown.GetProperty("node_type").GetString(),
            shown.GetProperty("product_name").GetString(), shown.GetProperty("status").GetString()));
        var auth = shown.GetProperty("auth_info");
        Assert.Equal("SECRET", auth.GetProperty("auth_type").GetString());
        Assert.Matches("^[0-9a-f]{32}$", auth.GetProperty("secret").GetString()!);
        Assert.True(auth.GetProperty("secure_access").GetBoolean());
        Assert.Equal(7, shown.GetProperty("extension_info").GetProperty("floor").GetInt32());
    }

    [Fact]
    public async Task The_extensions_1_KB_counts_the_UTF8_bytes_sent_so_CJK_text_is_kept_as_text()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("extended");
        // {"k":"..."} is 8 bytes around the text, and each of these characters 3 bytes of UTF-8: 908 and 1034 bytes.
        var fits = new string('楼', 300);
        var tooLong = new string('楼', 342);

        var added = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/devices",
            $$$"""{"product_id":"{{{productId}}}","node_id":"fits","extension_info":{"k":"{{{fits}}}"}}""");
        var refused = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidInput, HttpMethod.Post, "/devices",
            $$$"""{"product_id":"{{{productId}}}","node_id":"too-long","extension_info":{"k":"{{{tooLong}}}"}}""");

        Assert.Equal(fits, added.GetProperty("extension_info").GetProperty("k").GetString());
        Assert.Contains("got 1034", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_needs_an_existing_product_and_a_free_ID_and_node_ID()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("first");
        var otherProductId = await api.CreateProductAsync("second");
        await api.AddDeviceAsync(productId, "node-1");

        var noProduct = await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.ProductNotFound, HttpMethod.Post, "/devices",
            """{"product_id":"00000000000000000000dead","node_id":"node-1"}""");
        var sameNode = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.DeviceAlreadyExists, HttpMethod.Post, "/devices",
            $$"""{"product_id":"{{productId}}","node_id":"node-1","device_id":"another-id"}""");
        var sameId = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.DeviceAlreadyExists, HttpMethod.Post, "/devices",
            $$"""{"product_id":"{{otherProductId}}","node_id":"node-2","device_id":"{{productId}}_node-1"}""");
        var elsewhere = await api.AddDeviceAsync(otherProductId, "node-1");
        var ownId = await api.AddDeviceAsync(otherProductId, "node-3", "\"device_id\":\"my-own-device\"");

        Assert.Contains("00000000000000000000dead", noProduct, StringComparison.Ordinal);
        Assert.Contains("node-1", sameNode, StringComparison.Ordinal);
        Assert.Contains(productId + "_node-1", sameId, StringComparison.Ordinal);
        Assert.Equal(otherProductId + "_node-1", elsewhere);
        Assert.Equal("my-own-device", ownId);
    }

    [Fact]
    public async Task The_list_pages_newest_first_and_filters_by_product_node_and_gateway()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("gateways");
        var otherProductId = await api.CreateProductAsync("sensors");
        var gateway = await api.AddDeviceAsync(productId, "gateway");
        var child = await api.AddDeviceAsync(otherProductId, "child", $"\"gateway_id\":\"{gateway}\"");
        var grandchild = await api.AddDeviceAsync(otherProductId, "grandchild", $"\"gateway_id\":\"{child}\"");
        var alone = await api.AddDeviceAsync(otherProductId, "alone");

        var first = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?limit=3");
        var marker = first.GetProperty("page").GetProperty("marker").GetString();
        var rest = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/devices?limit=3&marker={marker}");
        var ofProduct = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?product_id=" + otherProductId);
        var byNode = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?node_id=child");
        var behind = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?gateway_id=" + gateway);
        var allBehind = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/devices?gateway_id={gateway}&is_cascade_query=true");

        Assert.Equal(new[] { alone, grandchild, child }, RawApi.Ids(first, "devices", "device_id"));
        Assert.Equal(4, first.GetProperty("page").GetProperty("count").GetInt64());
        Assert.Equal(new[] { gateway }, RawApi.Ids(rest, "devices", "device_id"));
        Assert.Equal(new[] { alone, grandchild, child }, RawApi.Ids(ofProduct, "devices", "device_id"));
        Assert.Equal(new[] { child }, RawApi.Ids(byNode, "devices", "device_id"));
        Assert.Equal(new[] { child }, RawApi.Ids(behind, "devices", "device_id"));
        Assert.Equal(new[] { grandchild, child }, RawApi.Ids(allBehind, "devices", "device_id"));
        var summary = first.GetProperty("devices")[2];
        Assert.Equal(("ENDPOINT", gateway, "sensors"), (summary.GetProperty("node_type").GetString(), summary.GetProperty("gateway_id").GetString(), summary.GetProperty("product_name").GetString()));
        Assert.DoesNotContain("auth_info", RawApi.Names(summary));
    }

    [Fact]
    public async Task The_list_bounds_the_registration_time_and_refuses_a_reversed_or_malformed_range()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("timed");
        var deviceId = await api.AddDeviceAsync(productId, "now");

        var inRange = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?start_time=20000101T000000Z&end_time=29991231T235959Z");
        var before = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices?end_time=20000101T000000Z");
        await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.StartAfterEnd, HttpMethod.Get, "/devices?start_time=20200101T000000Z&end_time=20190101T000000Z");
        var malformed = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidTimeFormat, HttpMethod.Get, "/devices?start_time=yesterday");

        Assert.Equal(new[] { deviceId }, RawApi.Ids(inRange, "devices", "device_id"));
        Assert.Empty(RawApi.Ids(before, "devices", "device_id"));
        Assert.Contains("'yesterday'", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_changes_what_it_names_and_answers_with_the_products_current_name()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("old_name");
        var deviceId = await api.AddDeviceAsync(productId, "node", "\"description\":\"kept\"");
        await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/products/" + productId, """{"name":"new_name"}""");

        var updated = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/devices/" + deviceId,
            """{"device_name":"renamed","extension_info":{"room":"b"},"auth_info":{"secure_access":false,"timeout":60}}""");
        var shown = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices/" + deviceId);

        Assert.Equal(updated.ToString(), shown.ToString());
        Assert.Equal(("renamed", "kept", "new_name", "b"), (
            shown.GetProperty("device_name").GetString(), shown.GetProperty("description").GetString(),
            shown.GetProperty("product_name").GetString(), shown.GetProperty("extension_info").GetProperty("room").GetString()));
        Assert.False(shown.GetProperty("auth_info").GetProperty("secure_access").GetBoolean());
        Assert.Equal(60, shown.GetProperty("auth_info").GetProperty("timeout").GetInt32());
    }

    [Fact]
    public async Task A_deleted_device_is_a_404_and_a_gateway_with_devices_behind_it_cannot_be_deleted()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("deletable");
        var gateway = await api.AddDeviceAsync(productId, "gateway");
        var child = await api.AddDeviceAsync(productId, "child", $"\"gateway_id\":\"{gateway}\"");

        var refused = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.DeviceHasChildren, HttpMethod.Delete, "/devices/" + gateway);
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + child);
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + gateway);
        var gone = await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.DeviceNotFound, HttpMethod.Get, "/devices/" + gateway);

        Assert.Contains(child, refused, StringComparison.Ordinal);
        Assert.Contains(gateway, gone, StringComparison.Ordinal);
        await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.DeviceNotFound, HttpMethod.Delete, "/devices/" + gateway);
    }

    [Fact]
    public async Task Deleting_a_device_unbinds_it_from_every_policy_and_leaves_other_targets_bound()
    {
        var instanceId = TestClients.NewInstanceId();
        using var api = new RawApi(_emulator, instanceId);
        var client = TestClients.Client(_emulator, instanceId);
        var productId = await api.CreateProductAsync("bound");
        var deleted = await api.AddDeviceAsync(productId, "deleted");
        var kept = await api.AddDeviceAsync(productId, "kept");
        var policies = new[] { (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("first"))).PolicyId!, (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("second"))).PolicyId! };
        foreach (var policyId in policies)
        {
            await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { deleted, kept } });
            await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Product, TargetIds = new[] { productId } });
        }

        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + deleted);

        foreach (var policyId in policies)
        {
            var targets = await client.ShowTargetsInDevicePolicyAsync(policyId);
            Assert.Equal(new[] { productId, kept }, targets.Targets.Select(target => target.TargetId));
        }
    }

    [Theory]
    [InlineData("""{"node_id":"n"}""", "product_id is required")]
    [InlineData("""{"product_id":"p"}""", "node_id is required")]
    [InlineData("""{"product_id":"p","node_id":""}""", "node_id must not be empty")]
    [InlineData("""{"product_id":"p","node_id":"has space"}""", "'has space'")]
    [InlineData("""{"product_id":"p","node_id":"n","device_name":"my device"}""", "'my device'")]
    [InlineData("""{"product_id":"p","node_id":"n","auth_info":{"auth_type":"PASSWORD"}}""", "'PASSWORD'")]
    [InlineData("""{"product_id":"p","node_id":"n","auth_info":{"secret":"short"}}""", "secret must be 8 to 32")]
    [InlineData("""{"product_id":"p","node_id":"n","auth_info":{"auth_type":"CERTIFICATES","fingerprint":"abc"}}""", "'abc'")]
    [InlineData("""{"product_id":"p","node_id":"n","auth_info":{"timeout":-1}}""", "got -1")]
    public async Task A_device_body_that_breaks_a_rule_is_a_400_naming_the_member_or_value(string body, string named)
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());

        var message = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidInput, HttpMethod.Post, "/devices", body);

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_that_still_has_devices_cannot_be_deleted()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("in_use");
        var deviceId = await api.AddDeviceAsync(productId, "sensor-1");

        var message = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.ProductHasDevices, HttpMethod.Delete, "/products/" + productId);
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + deviceId);
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/products/" + productId);

        Assert.Contains(deviceId, message, StringComparison.Ordinal);
    }
}
