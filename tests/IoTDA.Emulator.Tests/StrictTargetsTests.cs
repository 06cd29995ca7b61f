using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>Which targets bind and unbind: held ones always, others by shape, or in strict mode not at all.</summary>
public sealed class StrictTargetsTests
{
    [Fact]
    public async Task In_strict_mode_only_created_devices_and_products_bind_and_each_other_ID_fails_as_unknown()
    {
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StrictTargets = true });
        var instanceId = TestClients.NewInstanceId();
        using var api = new RawApi(emulator, instanceId);
        var (client, policyId) = await PolicyAsync(emulator, instanceId);
        var productId = await api.CreateProductAsync("real");
        var deviceId = await api.AddDeviceAsync(productId, "real-node");
        var neverCreated = TestClients.Device(1);

        var devices = await client.BindDevicePolicyAsync(policyId, Targets(TargetType.Device, deviceId, neverCreated));
        var products = await client.BindDevicePolicyAsync(policyId, Targets(TargetType.Product, productId, TestClients.ProductId));
        var spaces = await client.BindDevicePolicyAsync(policyId, Targets(TargetType.App, "any_space"));

        Assert.Equal(new[] { deviceId }, devices.SuccessTargets);
        var unknownDevice = Assert.Single(devices.FailureTargets);
        Assert.Equal((neverCreated, "IOTDA.014000"), (unknownDevice.TargetId, unknownDevice.ErrorCode));
        Assert.Contains(neverCreated, unknownDevice.ErrorMsg, StringComparison.Ordinal);
        Assert.Equal(new[] { productId }, products.SuccessTargets);
        Assert.Equal((TestClients.ProductId, EmulatorErrorCodes.TargetNotFound), (Assert.Single(products.FailureTargets).TargetId, Assert.Single(products.FailureTargets).ErrorCode));
        Assert.Equal(new[] { "any_space" }, spaces.SuccessTargets);
    }

    [Fact]
    public async Task In_strict_mode_unbinding_tells_a_device_that_is_not_bound_from_one_that_does_not_exist()
    {
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StrictTargets = true });
        var instanceId = TestClients.NewInstanceId();
        using var api = new RawApi(emulator, instanceId);
        var (client, policyId) = await PolicyAsync(emulator, instanceId);
        var productId = await api.CreateProductAsync("real");
        var bound = await api.AddDeviceAsync(productId, "bound");
        var notBound = await api.AddDeviceAsync(productId, "not-bound");
        var deleted = await api.AddDeviceAsync(productId, "deleted");
        await client.BindDevicePolicyAsync(policyId, Targets(TargetType.Device, bound));
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/devices/" + deleted);

        var result = await client.UnbindDevicePolicyAsync(policyId, Targets(TargetType.Device, bound, notBound, deleted, TestClients.Device(9)));

        Assert.Equal(new[] { bound }, result.SuccessTargets);
        Assert.Equal(
            new[] { (notBound, EmulatorErrorCodes.TargetNotBound), (deleted, EmulatorErrorCodes.TargetNotFound), (TestClients.Device(9), EmulatorErrorCodes.TargetNotFound) },
            result.FailureTargets.Select(failure => (failure.TargetId!, failure.ErrorCode!)));
    }

    [Fact]
    public async Task In_strict_mode_TargetExists_admits_IDs_the_emulator_does_not_hold()
    {
        var external = TestClients.Device(7);
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions
        {
            StrictTargets = true,
            TargetExists = (type, id) => type == "device" && id == external,
        });
        var instanceId = TestClients.NewInstanceId();
        using var api = new RawApi(emulator, instanceId);
        var (client, policyId) = await PolicyAsync(emulator, instanceId);
        var created = await api.AddDeviceAsync(await api.CreateProductAsync("real"), "created");

        var result = await client.BindDevicePolicyAsync(policyId, Targets(TargetType.Device, created, external, TestClients.Device(8)));

        Assert.Equal(new[] { created, external }, result.SuccessTargets);
        Assert.Equal(TestClients.Device(8), Assert.Single(result.FailureTargets).TargetId);
    }

    [Fact]
    public async Task By_default_any_well_formed_ID_binds_and_so_does_a_created_device_of_any_shape()
    {
        await using var emulator = await IoTDAEmulator.StartAsync();
        var instanceId = TestClients.NewInstanceId();
        using var api = new RawApi(emulator, instanceId);
        var (client, policyId) = await PolicyAsync(emulator, instanceId);
        var ownShape = await api.AddDeviceAsync(await api.CreateProductAsync("real"), "node", "\"device_id\":\"my-own-device\"");

        var result = await client.BindDevicePolicyAsync(policyId, Targets(TargetType.Device, TestClients.Device(1), ownShape, "not a device id"));
        var unbound = await client.UnbindDevicePolicyAsync(policyId, Targets(TargetType.Device, TestClients.Device(2)));

        Assert.Equal(new[] { TestClients.Device(1), ownShape }, result.SuccessTargets);
        Assert.Equal(("not a device id", EmulatorErrorCodes.TargetNotFound), (Assert.Single(result.FailureTargets).TargetId!, Assert.Single(result.FailureTargets).ErrorCode!));
        Assert.Equal(EmulatorErrorCodes.TargetNotBound, Assert.Single(unbound.FailureTargets).ErrorCode);
    }

    private static async Task<(IoTDAClient Client, string PolicyId)> PolicyAsync(IoTDAEmulator emulator, string instanceId)
    {
        var client = TestClients.Client(emulator, instanceId);
        return (client, (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("strict"))).PolicyId!);
    }

    private static DevicePolicyTargetsRequestBody Targets(TargetType type, params string[] ids) => new() { TargetType = type, TargetIds = ids };
}
