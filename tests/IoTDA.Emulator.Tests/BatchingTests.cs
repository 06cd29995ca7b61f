using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class BatchingTests
{
    private readonly IoTDAEmulator _emulator;

    public BatchingTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task Binding_45_targets_with_partial_failure_accounts_for_every_target()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("batched"))).PolicyId!;
        var alreadyBound = new[] { TestClients.Device(7), TestClients.Device(30) };
        await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = alreadyBound });
        var malformed = new[] { "missing-product_1", "missing-product_2", "missing-product_3" };
        var targets = Enumerable.Range(1, 42).Select(TestClients.Device).Concat(malformed).ToArray();
        var progress = new List<BatchProgress>();

        var result = await client.BindDevicePolicyInBatchesAsync(policyId, TargetType.Device, targets, new SynchronousProgress(progress));

        Assert.Equal(45, targets.Length);
        Assert.Equal(TestClients.SortedIds(targets), TestClients.SortedIds(result.SuccessTargets.Concat(result.FailureTargets.Select(failure => failure.TargetId!))));
        Assert.Equal(40, result.SuccessTargets.Count);
        Assert.Equal(TestClients.SortedIds(alreadyBound), TestClients.SortedIds(result.FailureTargets.Where(failure => failure.ErrorCode == EmulatorErrorCodes.TargetAlreadyBound).Select(failure => failure.TargetId!)));
        Assert.Equal(TestClients.SortedIds(malformed), TestClients.SortedIds(result.FailureTargets.Where(failure => failure.ErrorCode == EmulatorErrorCodes.TargetNotFound).Select(failure => failure.TargetId!)));
        Assert.Equal(new[] { 1, 2, 3 }, progress.Select(report => report.CompletedBatches));
        Assert.All(progress, report => Assert.Equal(3, report.TotalBatches));
        Assert.Equal((45, 40, 5), (progress[^1].CompletedItems, progress[^1].SucceededItems, progress[^1].FailedItems));
        Assert.Equal(42, (await TestClients.ToListAsync(client.ShowTargetsInDevicePolicyAllAsync(policyId, limit: 50))).Count);
    }

    [Fact]
    public async Task Unbinding_45_bound_and_3_never_bound_targets_reports_IOTDA_015207_for_the_3()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("unbatched"))).PolicyId!;
        var bound = Enumerable.Range(1, 45).Select(TestClients.Device).ToArray();
        var neverBound = Enumerable.Range(901, 3).Select(TestClients.Device).ToArray();
        Assert.Empty((await client.BindDevicePolicyInBatchesAsync(policyId, TargetType.Device, bound)).FailureTargets);

        var result = await client.UnbindDevicePolicyInBatchesAsync(policyId, TargetType.Device, bound.Concat(neverBound));

        Assert.Equal(TestClients.SortedIds(bound), TestClients.SortedIds(result.SuccessTargets));
        Assert.Equal(TestClients.SortedIds(neverBound), TestClients.SortedIds(result.FailureTargets.Select(failure => failure.TargetId!)));
        Assert.All(result.FailureTargets, failure => Assert.Equal("IOTDA.015207", failure.ErrorCode));
        Assert.Empty((await client.ShowTargetsInDevicePolicyAsync(policyId)).Targets);
    }

    [Fact]
    public async Task A_batch_the_service_rejects_as_a_whole_marks_each_of_its_targets_failed()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        const string unknownPolicy = "0123456789abcdef01234567";
        var targets = Enumerable.Range(1, 25).Select(TestClients.Device).ToArray();

        var result = await client.BindDevicePolicyInBatchesAsync(unknownPolicy, TargetType.Device, targets);

        Assert.Empty(result.SuccessTargets);
        Assert.Equal(TestClients.SortedIds(targets), TestClients.SortedIds(result.FailureTargets.Select(failure => failure.TargetId!)));
        Assert.All(result.FailureTargets, failure => Assert.Equal(EmulatorErrorCodes.PolicyNotFound, failure.ErrorCode));
    }

    /// <summary>Records each report on the calling thread, unlike <see cref="Progress{T}"/>, which posts them.</summary>
    private sealed class SynchronousProgress : IProgress<BatchProgress>
    {
        private readonly List<BatchProgress> _reports;

        public SynchronousProgress(List<BatchProgress> reports)
        {
            _reports = reports;
        }

        public void Report(BatchProgress value) => _reports.Add(value);
    }
}
