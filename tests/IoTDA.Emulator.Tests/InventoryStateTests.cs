using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>Products and devices on disk: kept across restarts and crashes, and state files from before them still loading.</summary>
public sealed class InventoryStateTests : IDisposable
{
    private const string InstanceId = "inventory";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iotda-emulator-inventory-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Products_devices_and_their_bindings_survive_a_restart_from_the_state_file()
    {
        var stateFile = Path.Combine(_directory, "state.json");
        string productId, deviceId, policyId, before;
        await using (var first = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile, StrictTargets = true }))
        {
            using var api = new RawApi(first, InstanceId);
            productId = await api.CreateProductAsync("kept");
            var deletedProduct = await api.CreateProductAsync("deleted");
            deviceId = await api.AddDeviceAsync(productId, "kept", "\"extension_info\":{\"floor\":7}");
            var deletedDevice = await api.AddDeviceAsync(productId, "deleted");
            await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/products/" + productId, """{"description":"updated before the restart"}""");
            await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + deletedDevice);
            await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/products/" + deletedProduct);
            var client = TestClients.Client(first, InstanceId);
            policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("bound"))).PolicyId!;
            await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { deviceId } });
            before = (await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices/" + deviceId)).ToString();
        }

        await using var second = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile, StrictTargets = true });
        using var restarted = new RawApi(second, InstanceId);
        var device = await restarted.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices/" + deviceId);
        var product = await restarted.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products/" + productId);
        var products = await restarted.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products");
        var newer = await restarted.CreateProductAsync("newer");
        var targets = await TestClients.Client(second, InstanceId).ShowTargetsInDevicePolicyAsync(policyId);

        Assert.Equal(before, device.ToString());
        Assert.Equal("updated before the restart", product.GetProperty("description").GetString());
        Assert.Equal(new[] { productId }, RawApi.Ids(products, "products", "product_id"));
        Assert.Equal(new[] { newer, productId }, RawApi.Ids(await restarted.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products"), "products", "product_id"));
        Assert.Equal(new[] { deviceId }, targets.Targets.Select(target => target.TargetId));
    }

    [Fact]
    public async Task Product_and_device_changes_are_replayed_from_the_journal_after_a_crash()
    {
        var stateFile = Path.Combine(_directory, "state.json");
        var copy = Path.Combine(_directory, "crashed", "state.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        string productId, deviceId, removed;
        await using (var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile }))
        {
            using var api = new RawApi(emulator, InstanceId);
            productId = await api.CreateProductAsync("journaled");
            deviceId = await api.AddDeviceAsync(productId, "journaled", "\"extension_info\":\n  {\n    \"indented\": true\n  }");
            removed = await api.AddDeviceAsync(productId, "removed");
            await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/devices/" + deviceId, """{"device_name":"renamed"}""");
            await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + removed);

            // What a kill leaves: the snapshot from the start and every change since in the journal.
            File.Copy(stateFile, copy);
            File.Copy(stateFile + ".journal", copy + ".journal");
        }

        Assert.Equal(6, (await File.ReadAllLinesAsync(copy + ".journal")).Length);
        await using var restarted = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = copy });
        using var after = new RawApi(restarted, InstanceId);
        var device = await after.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices/" + deviceId);
        var devices = await after.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/devices");

        Assert.Equal("renamed", device.GetProperty("device_name").GetString());
        Assert.True(device.GetProperty("extension_info").GetProperty("indented").GetBoolean());
        Assert.Equal("journaled", device.GetProperty("product_name").GetString());
        Assert.Equal(new[] { deviceId }, RawApi.Ids(devices, "devices", "device_id"));
    }

    [Fact]
    public async Task A_state_file_from_before_products_loads_and_keeps_its_policies_beside_new_products()
    {
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "old.json");
        await File.WriteAllTextAsync(stateFile, """
            {"version": 1, "instances": [{"instance_id": "inventory", "policies": [{"policy_id": "5c90fa7d3c4e4405e8525079", "app_id": "a",
              "policy_name": "old", "create_time": "2023-08-10T07:05:47.0000000+00:00", "update_time": "2023-08-10T07:05:47.0000000+00:00",
              "statement": [{"effect": "ALLOW", "actions": ["iotda:devices:publish"], "resources": ["topic:/a"]}],
              "targets": [{"record_id": "650000000000000000000001", "target_type": "device", "target_id": "64a7ba7ef9cb063d27e16b97_n"}]}]}]}
            """);
        string productId;
        await using (var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile }))
        {
            using var api = new RawApi(emulator, InstanceId);
            Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products")).GetProperty("page").GetProperty("count").GetInt64());
            productId = await api.CreateProductAsync("new");
        }

        await using var restarted = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile });
        using var after = new RawApi(restarted, InstanceId);
        var policy = await TestClients.Client(restarted, InstanceId).ShowDevicePolicyAsync("5c90fa7d3c4e4405e8525079");

        Assert.Equal("old", policy.PolicyName);
        Assert.Equal("new", (await after.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products/" + productId)).GetProperty("name").GetString());
        Assert.True(string.CompareOrdinal(productId, "650000000000000000000001") > 0, "a new ID must sort after every ID in the file");
    }

    [Theory]
    [InlineData("\"product_id\": \"p1\"", "\"product_id\": 1", "instances[0].products[0].product_id")]
    [InlineData("\"record_id\": \"650000000000000000000002\"", "\"record_id\": \"x\"", "instances[0].products[0].record_id")]
    [InlineData("\"secure_access\": true", "\"secure_access\": \"yes\"", "instances[0].devices[0].auth_info.secure_access")]
    [InlineData("\"device_id\": \"p1_n\"", "\"device_id\": null", "instances[0].devices[0].device_id")]
    public async Task A_product_or_device_with_a_malformed_member_stops_the_start_naming_the_member(string valid, string broken, string member)
    {
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "state.json");
        const string Valid = """
            {"version": 1, "instances": [{"instance_id": "i", "policies": [],
              "products": [{"record_id": "650000000000000000000002", "app_id": "a", "product_id": "p1", "name": "n", "device_type": "t",
                "protocol_type": "MQTT", "data_format": "json", "service_capabilities": [], "create_time": "2023-08-10T07:05:47.0000000+00:00"}],
              "devices": [{"record_id": "650000000000000000000003", "device_id": "p1_n", "node_id": "n", "product_id": "p1", "app_id": "a",
                "gateway_id": "p1_n", "device_name": "n", "auth_info": {"auth_type": "SECRET", "secret": "0123456789abcdef", "secure_access": true, "timeout": 0},
                "create_time": "2023-08-10T07:05:47.0000000+00:00"}]}]}
            """;
        Assert.Contains(valid, Valid, StringComparison.Ordinal);
        await File.WriteAllTextAsync(stateFile, Valid);
        await (await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile })).DisposeAsync();
        await File.WriteAllTextAsync(stateFile, Valid.Replace(valid, broken, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile }));

        Assert.Contains(stateFile, error.Message, StringComparison.Ordinal);
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
