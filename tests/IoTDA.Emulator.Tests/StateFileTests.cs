using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

public sealed class StateFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iotda-emulator-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_emulator_restarted_from_its_state_file_keeps_policies_bindings_and_id_order()
    {
        var stateFile = Path.Combine(_directory, "state.json");
        var instanceId = TestClients.NewInstanceId();
        string policyId;
        string deletedPolicyId;
        await using (var first = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile }))
        {
            var client = TestClients.Client(first, instanceId);
            policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("survivor"))).PolicyId!;
            deletedPolicyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("deleted"))).PolicyId!;
            await client.BindDevicePolicyInBatchesAsync(policyId, TargetType.Device, Enumerable.Range(1, 3).Select(TestClients.Device));
            await client.BindDevicePolicyAsync(deletedPolicyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Product, TargetIds = new[] { TestClients.ProductId } });
            await client.DeleteDevicePolicyAsync(deletedPolicyId);
        }

        await using var second = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile });
        var restarted = TestClients.Client(second, instanceId);
        var policy = await restarted.ShowDevicePolicyAsync(policyId);
        var targets = await restarted.ShowTargetsInDevicePolicyAsync(policyId);
        var newer = (await restarted.CreateDevicePolicyAsync(TestClients.NewPolicy("newer"))).PolicyId!;
        var listed = await restarted.ListDevicePoliciesAsync();

        Assert.Equal("survivor", policy.PolicyName);
        Assert.Equal("topic:/v1/${devices.deviceId}/test/hello", Assert.Single(Assert.Single(policy.Statement).Resources));
        Assert.Equal(Enumerable.Range(1, 3).Select(TestClients.Device).Reverse(), targets.Targets.Select(target => target.TargetId));
        Assert.Equal(new[] { newer, policyId }, listed.Policies.Select(summary => summary.PolicyId));
        Assert.True(string.CompareOrdinal(newer, deletedPolicyId) > 0, "a new ID must sort after every ID handed out before the restart");
        Assert.DoesNotContain("\"product\"", await File.ReadAllTextAsync(stateFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_that_is_not_the_emulators_stops_the_start_with_a_clear_error()
    {
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "broken.json");
        await File.WriteAllTextAsync(stateFile, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile }));

        Assert.Contains(stateFile, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
