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

    [Theory]
    [InlineData("\"policy_id\": \"5c90fa7d3c4e4405e8525079\"", "\"policy_id\": null", "instances[0].policies[0].policy_id")]
    [InlineData("\"policy_id\": \"5c90fa7d3c4e4405e8525079\"", "\"policy_id\": \"not-an-id\"", "instances[0].policies[0].policy_id")]
    [InlineData("\"instance_id\": \"i\"", "\"instance_id\": null", "instances[0].instance_id")]
    [InlineData("\"policy_name\": \"p\"", "\"policy_name\": 7", "instances[0].policies[0].policy_name")]
    [InlineData("\"target_type\": \"device\"", "\"target_type\": \"gateway\"", "instances[0].policies[0].targets[0].target_type")]
    [InlineData("\"create_time\": \"2023-08-10T07:05:47.0000000+00:00\"", "\"create_time\": \"yesterday\"", "instances[0].policies[0].create_time")]
    public async Task A_state_file_with_a_missing_or_malformed_member_stops_the_start_naming_file_and_member(string valid, string broken, string member)
    {
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "state.json");
        const string Valid = """
            {"version": 1, "instances": [{"instance_id": "i", "policies": [{"policy_id": "5c90fa7d3c4e4405e8525079", "app_id": "a",
              "policy_name": "p", "create_time": "2023-08-10T07:05:47.0000000+00:00", "update_time": "2023-08-10T07:05:47.0000000+00:00",
              "statement": [{"effect": "ALLOW", "actions": ["iotda:devices:publish"], "resources": ["topic:/a"]}],
              "targets": [{"record_id": "650000000000000000000001", "target_type": "device", "target_id": "64a7ba7ef9cb063d27e16b97_n"}]}]}]}
            """;
        Assert.Contains(valid, Valid, StringComparison.Ordinal);
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
