using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Packaging.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Packaging.Tests;

/// <summary>
/// A fresh console project that adds IoTDA.Sdk from the local feed, builds with the real CLI and calls the generated
/// client against a stub server compiled into it (TestProjects/Consumer). Every test uses that one project folder, so
/// restore runs once; each test writes every file whose content it depends on before building.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerProjectTests
{
    private const string ResetOperation = """
          /v5/iot/{project_id}/device-policies/{policy_id}/reset:
            parameters:
              - $ref: "#/components/parameters/ProjectId"
              - $ref: "#/components/parameters/PolicyId"
            post:
              operationId: ResetDevicePolicy
              summary: Resets a device policy; only this project's copy of the spec has this operation.
              responses:
                "204":
                  description: Reset.
        """;

    private readonly PackageFixture _package;

    public ConsumerProjectTests(PackageFixture package) => _package = package;

    private string ConsumerDirectory => _package.PathInRoot("Consumer");

    private string SpecDirectory => Path.Combine(ConsumerDirectory, "spec");

    [Fact]
    public async Task A_project_without_specs_gets_the_bundled_client_and_it_sends_the_documented_request()
    {
        if (Directory.Exists(SpecDirectory))
        {
            Directory.Delete(SpecDirectory, recursive: true);
        }
        UseProgram("BundledSpecProgram.cs");

        var build = await DotNet.BuildAsync(ConsumerDirectory);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Consumer analyzer: IoTDA.Generator", build.Output);
        var spec = Assert.Single(Lines(build.Output, "Consumer spec: "));
        Assert.Equal(
            Path.GetFullPath(Path.Combine(_package.Packages, "iotda.sdk", _package.Version.ToLowerInvariant(), "spec", "iotda.openapi.yaml")),
            Path.GetFullPath(spec));

        var run = await RunConsumerAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[]
            {
                "request method: POST",
                "request url: https://iotda.example.test/v5/iot/project-1/device-policies/5c90fa7d3c4e4405e8525079/unbind",
                """request body: {"target_type":"device","target_ids":["id-1","id-2"]}""",
                "request instance: instance-1",
                "request authorization: SDK-HMAC-SHA256",
                "result success: id-1",
                "result failure: id-2 IOTDA.015207",
            },
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Editing_the_projects_own_spec_regenerates_the_client_on_the_next_build()
    {
        var bundled = File.ReadAllText(Path.Combine(_package.RepositoryRoot, "spec", "iotda.openapi.yaml"));
        // The bind and unbind limit: the first maxItems of the target list's schema (other lists have limits of 20 too).
        var schema = bundled.IndexOf("\n    DevicePolicyTargetsRequestBody:\n", StringComparison.Ordinal);
        var limit = bundled.IndexOf("maxItems: 20", schema, StringComparison.Ordinal);
        Assert.True(schema >= 0 && limit > schema, "The bundled spec no longer states target_ids' maxItems: 20 in DevicePolicyTargetsRequestBody.");
        var edited = (bundled[..limit] + "maxItems: 5" + bundled[(limit + "maxItems: 20".Length)..])
            .Replace("\npaths:\n", "\npaths:\n" + ResetOperation.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal);
        Assert.Contains("operationId: ResetDevicePolicy", edited);
        Directory.CreateDirectory(SpecDirectory);
        File.WriteAllText(Path.Combine(SpecDirectory, "device-policies.yaml"), edited);
        UseProgram("OwnSpecProgram.cs");

        var build = await DotNet.BuildAsync(ConsumerDirectory);

        Assert.True(build.ExitCode == 0, build.ToString());
        var spec = Assert.Single(Lines(build.Output, "Consumer spec: "));
        Assert.Equal(Path.Combine(SpecDirectory, "device-policies.yaml"), Path.GetFullPath(spec));

        var run = await RunConsumerAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            new[]
            {
                "request method: POST",
                "request url: https://iotda.example.test/v5/iot/project-1/device-policies/5c90fa7d3c4e4405e8525079/reset",
                "request body: (none)",
                "request instance: instance-1",
                "request authorization: SDK-HMAC-SHA256",
            },
            lines.Take(5));
        // Thrown before sending, naming the member, the count and the edited limit.
        Assert.StartsWith("six ids: ArgumentException: target_ids has 6 items; the API accepts at most 5 per call.", lines[5], StringComparison.Ordinal);
        Assert.Equal("requests sent: 1", lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public async Task The_packages_analyzers_flag_a_value_the_service_would_reject_at_build_time()
    {
        if (Directory.Exists(SpecDirectory))
        {
            Directory.Delete(SpecDirectory, recursive: true);
        }
        UseProgram("RejectedCallProgram.cs");

        var build = await DotNet.BuildAsync(ConsumerDirectory);

        Assert.Contains("Consumer analyzer: IoTDA.Analyzers", build.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(4,\d+\): error IOTDA002: .*'devices'", build.Output);
    }

    private void UseProgram(string program) =>
        File.Copy(_package.PathInRoot("Programs", program), Path.Combine(ConsumerDirectory, "Program.cs"), overwrite: true);

    private Task<CommandResult> RunConsumerAsync() =>
        DotNet.RunAsync(ConsumerDirectory, Path.Combine(ConsumerDirectory, "bin", "Debug", "net10.0", "Consumer.dll"));

    private static string[] Lines(string output, string prefix) =>
        output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line.Substring(prefix.Length).Trim())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
