using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class PaginationTests
{
    private readonly IoTDAEmulator _emulator;

    public PaginationTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task ListDevicePoliciesAllAsync_reads_every_page_newest_first()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var created = new string[23];
        for (var index = 0; index < created.Length; index++)
        {
            created[index] = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("page_" + index))).PolicyId!;
        }

        var defaultPages = await TestClients.ToListAsync(client.ListDevicePoliciesAllAsync());
        var smallPages = await TestClients.ToListAsync(client.ListDevicePoliciesAllAsync(limit: 4));

        var newestFirst = created.Reverse().ToArray();
        Assert.Equal(newestFirst, defaultPages.Select(policy => policy.PolicyId));
        Assert.Equal(newestFirst, smallPages.Select(policy => policy.PolicyId));
        Assert.Equal(newestFirst, newestFirst.OrderByDescending(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_has_the_total_count_and_its_last_id_as_marker_and_honours_marker_and_offset()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        for (var index = 0; index < 12; index++)
        {
            await client.CreateDevicePolicyAsync(TestClients.NewPolicy("paged_" + index, appId: index % 2 == 0 ? "even" : "odd"));
        }

        var all = await client.ListDevicePoliciesAsync(limit: 50);
        var first = await client.ListDevicePoliciesAsync();
        var second = await client.ListDevicePoliciesAsync(marker: first.Page!.Marker, limit: 3);
        var skipped = await client.ListDevicePoliciesAsync(offset: 5, limit: 2);
        var even = await client.ListDevicePoliciesAsync(appId: "even", limit: 50);
        var named = await client.ListDevicePoliciesAsync(policyName: "paged_3");
        var ids = all.Policies.Select(policy => policy.PolicyId).ToArray();

        Assert.Equal(12, all.Page!.Count);
        Assert.Equal(10, first.Policies.Count);
        Assert.Equal(12, first.Page.Count);
        Assert.Equal(ids[9], first.Page.Marker);
        Assert.Equal(ids.Skip(10), second.Policies.Select(policy => policy.PolicyId));
        Assert.Equal(ids[11], second.Page!.Marker);
        Assert.Equal(ids.Skip(5).Take(2), skipped.Policies.Select(policy => policy.PolicyId));
        Assert.Equal(6, even.Page!.Count);
        Assert.All(even.Policies, policy => Assert.Equal("even", policy.AppId));
        Assert.Equal("paged_3", Assert.Single(named.Policies).PolicyName);
    }

    [Fact]
    public async Task ShowTargetsInDevicePolicyAllAsync_reads_every_page_of_targets()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("many_targets"))).PolicyId!;
        var devices = Enumerable.Range(1, 45).Select(TestClients.Device).ToArray();
        await client.BindDevicePolicyInBatchesAsync(policyId, TargetType.Device, devices);

        var targets = await TestClients.ToListAsync(client.ShowTargetsInDevicePolicyAllAsync(policyId, limit: 10));
        var firstPage = await client.ShowTargetsInDevicePolicyAsync(policyId, new ShowTargetsInDevicePolicyRequestBody { Limit = 10, Offset = 40 });

        Assert.Equal(devices.Reverse(), targets.Select(target => target.TargetId));
        Assert.Equal(devices.Take(5).Reverse(), firstPage.Targets.Select(target => target.TargetId));
        Assert.Equal(45, firstPage.Page!.Count);
    }
}
