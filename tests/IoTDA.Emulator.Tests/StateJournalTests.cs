using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// The state on disk as changes are made: written before they are applied, one journal line each, and read back
/// after a crash as it left the files (copies taken while the emulator runs stand for a process killed then).
/// </summary>
public sealed class StateJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iotda-emulator-journal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_change_the_state_file_refuses_is_not_made_and_is_answered_in_the_APIs_error_shape()
    {
        var folder = Path.Combine(_directory, "state");
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = Path.Combine(folder, "state.json") });
        var instanceId = TestClients.NewInstanceId();
        var kept = (await TestClients.Client(emulator, instanceId).CreateDevicePolicyAsync(TestClients.NewPolicy("kept"))).PolicyId!;

        // A file where the folder was: nothing can be written under it any more, by any means.
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "in the way");
        using var http = TestClients.SignedHttpClient(emulator, instanceId);
        var policies = TestClients.PoliciesPath(emulator);
        var refused = new[]
        {
            TestClients.Json(HttpMethod.Post, policies, """{"policy_name":"lost","statement":[{"effect":"ALLOW","actions":["a"],"resources":["topic:/a"]}]}"""),
            TestClients.Json(HttpMethod.Put, policies + "/" + kept, """{"policy_name":"renamed"}"""),
            TestClients.Json(HttpMethod.Post, policies + "/" + kept + "/bind", $$"""{"target_type":"device","target_ids":["{{TestClients.Device(1)}}"]}"""),
            new HttpRequestMessage(HttpMethod.Delete, policies + "/" + kept),
        };

        foreach (var request in refused)
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(new[] { "error_code", "error_msg" }, body.RootElement.EnumerateObject().Select(property => property.Name));
                Assert.Equal(EmulatorErrorCodes.StateNotSaved, body.RootElement.GetProperty("error_code").GetString());
                Assert.Contains("state.json", body.RootElement.GetProperty("error_msg").GetString(), StringComparison.Ordinal);
            }
        }

        var client = TestClients.Client(emulator, instanceId);
        var listed = await client.ListDevicePoliciesAsync();
        Assert.Equal(new[] { kept }, listed.Policies.Select(policy => policy.PolicyId));
        Assert.Equal("kept", (await client.ShowDevicePolicyAsync(kept)).PolicyName);
        Assert.Empty((await client.ShowTargetsInDevicePolicyAsync(kept)).Targets);
    }

    [Fact]
    public async Task A_change_appends_one_line_and_leaves_the_state_file_as_it_is_however_large_the_state()
    {
        const int Bound = 2000;
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "state.json");
        var targets = string.Join(",", Enumerable.Range(1, Bound).Select(index =>
            $$"""{"record_id":"65{{index:x22}}","target_type":"device","target_id":"{{TestClients.Device(index)}}"}"""));
        await File.WriteAllTextAsync(stateFile, $$"""
            {"version":1,"instances":[{"instance_id":"i","policies":[{"policy_id":"5c90fa7d3c4e4405e8525079","app_id":"a","policy_name":"p",
            "create_time":"2023-08-10T07:05:47.0000000+00:00","update_time":"2023-08-10T07:05:47.0000000+00:00",
            "statement":[{"effect":"ALLOW","actions":["a"],"resources":["topic:/a"]}],"targets":[{{targets}}]}]}]}
            """);
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile });
        var before = await File.ReadAllBytesAsync(stateFile);
        var journalBefore = new FileInfo(stateFile + ".journal").Length;

        var bound = await TestClients.Client(emulator, "i").BindDevicePolicyAsync("5c90fa7d3c4e4405e8525079",
            new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { TestClients.Device(Bound + 1) } });

        Assert.Single(bound.SuccessTargets);
        Assert.Equal(before, await File.ReadAllBytesAsync(stateFile));
        Assert.InRange(new FileInfo(stateFile + ".journal").Length - journalBefore, 1, 512);
        await emulator.DisposeAsync();
        await using var restarted = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile });
        Assert.Equal(Bound + 1, (await TestClients.Client(restarted, "i").ShowTargetsInDevicePolicyAsync("5c90fa7d3c4e4405e8525079")).Page!.Count);
    }

    [Fact]
    public async Task A_line_cut_short_by_a_crash_is_ignored_and_every_line_before_it_is_kept()
    {
        var instanceId = TestClients.NewInstanceId();
        var (copy, created) = await CrashCopyAfterAsync(instanceId, "first", "second");
        await File.AppendAllTextAsync(copy + ".journal", """{"change":"create","instance_id":"cut sh""");

        await using var restarted = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = copy });

        var listed = await TestClients.Client(restarted, instanceId).ListDevicePoliciesAsync();
        Assert.Equal(created.Reverse(), listed.Policies.Select(policy => policy.PolicyId));
    }

    [Fact]
    public async Task A_journal_a_cut_short_compaction_left_behind_is_not_replayed_onto_the_snapshot_that_holds_it()
    {
        var instanceId = TestClients.NewInstanceId();
        var (copy, created) = await CrashCopyAfterAsync(instanceId, "only");

        // The snapshot a finished stop wrote, beside the journal from before it: a crash between the two moves.
        File.Copy(Path.Combine(_directory, "state.json"), copy, overwrite: true);
        await using var restarted = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = copy });

        var listed = await TestClients.Client(restarted, instanceId).ListDevicePoliciesAsync();
        Assert.Equal(created, listed.Policies.Select(policy => policy.PolicyId));
    }

    [Fact]
    public async Task A_journal_line_that_is_not_a_change_stops_the_start_naming_the_journal_line_and_member()
    {
        var (copy, _) = await CrashCopyAfterAsync(TestClients.NewInstanceId(), "first", "second");
        var lines = await File.ReadAllLinesAsync(copy + ".journal");
        lines[1] = """{"change":"create","instance_id":null}""";
        await File.WriteAllLinesAsync(copy + ".journal", lines);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = copy }));

        Assert.Contains(copy + ".journal', line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("instance_id must be a string; got null", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// Creates the policies, copies the state file and its journal while the emulator still runs (what a kill would
    /// leave), then stops it; returns the copy's path and the policy IDs, oldest first.
    /// </summary>
    private async Task<(string Copy, string[] Created)> CrashCopyAfterAsync(string instanceId, params string[] names)
    {
        var stateFile = Path.Combine(_directory, "state.json");
        var copy = Path.Combine(_directory, "crashed", "state.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile });
        var client = TestClients.Client(emulator, instanceId);
        var created = new string[names.Length];
        for (var index = 0; index < names.Length; index++)
        {
            created[index] = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy(names[index]))).PolicyId!;
        }

        File.Copy(stateFile, copy);
        File.Copy(stateFile + ".journal", copy + ".journal");
        return (copy, created);
    }
}
