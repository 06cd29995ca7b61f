using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// The exact bytes of the policy's two JSON shapes: the service's answers and the state file. Both are written by
/// one routine, so these pin each shape letter for letter, member order and time format included; a state file an
/// older emulator wrote must still load, and a recorded answer must still compare equal. The state journal's lines
/// are pinned the same way.
/// </summary>
public sealed class WireFormatTests : IDisposable
{
    private const string InstanceId = "wire-format-instance";
    private const string PolicyId = "5c90fa7d3c4e4405e8525079";
    private const string KeptTarget = "64a7ba7ef9cb063d27e16b97_node-001";
    private const string UnboundTarget = "64a7ba7ef9cb063d27e16b97_node-002";
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iotda-emulator-wire-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Answers_and_the_rewritten_state_file_keep_their_exact_shapes()
    {
        Directory.CreateDirectory(_directory);
        var stateFile = Path.Combine(_directory, "state.json");
        var original = StateFile("publish_own_topic", "2023-08-10T07:05:47.0000000\\u002B00:00", KeptTarget, UnboundTarget);
        await File.WriteAllTextAsync(stateFile, original);
        var clock = new FixedTimeProvider(Now);
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StateFilePath = stateFile, TimeProvider = clock });
        using var http = TestClients.SignedHttpClient(emulator, InstanceId, clock);
        var policyPath = TestClients.PoliciesPath(emulator) + "/" + PolicyId;

        var shown = await BodyAsync(http, new HttpRequestMessage(HttpMethod.Get, policyPath), HttpStatusCode.OK);
        var listed = await BodyAsync(http, new HttpRequestMessage(HttpMethod.Get, TestClients.PoliciesPath(emulator)), HttpStatusCode.OK);
        var updated = await BodyAsync(http, TestClients.Json(HttpMethod.Put, policyPath, """{"policy_name":"renamed"}"""), HttpStatusCode.OK);
        await BodyAsync(http, TestClients.Json(HttpMethod.Post, policyPath + "/unbind", $$"""{"target_type":"device","target_ids":["{{UnboundTarget}}"]}"""), HttpStatusCode.OK);
        var fileWhileRunning = await File.ReadAllTextAsync(stateFile);
        var journalWhileRunning = await File.ReadAllTextAsync(stateFile + ".journal");
        await emulator.DisposeAsync();

        Assert.Equal(
            """{"app_id":"emulator_default_app","policy_id":"5c90fa7d3c4e4405e8525079","policy_name":"publish_own_topic","create_time":"20230810T070547Z","update_time":"20230810T070547Z","statement":[{"effect":"ALLOW","actions":["iotda:devices:publish"],"resources":["topic:/v1/${devices.deviceId}/test/hello"]}]}""",
            shown);
        Assert.Equal(
            """{"policies":[{"app_id":"emulator_default_app","policy_id":"5c90fa7d3c4e4405e8525079","policy_name":"publish_own_topic","create_time":"20230810T070547Z","update_time":"20230810T070547Z"}],"page":{"count":1,"marker":"5c90fa7d3c4e4405e8525079"}}""",
            listed);
        Assert.Equal(
            """{"app_id":"emulator_default_app","policy_id":"5c90fa7d3c4e4405e8525079","policy_name":"renamed","create_time":"20230810T070547Z","update_time":"20240506T070809Z","statement":[{"effect":"ALLOW","actions":["iotda:devices:publish"],"resources":["topic:/v1/${devices.deviceId}/test/hello"]}]}""",
            updated);

        // While running, the file is as the start rewrote it and each change is one line of the journal beside it.
        Assert.Equal(original, fileWhileRunning);
        var snapshotHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)));
        Assert.Equal(
            $$"""
            {"journal":1,"snapshot_sha256":"{{snapshotHash}}"}
            {"change":"update","instance_id":"{{InstanceId}}","policy_id":"{{PolicyId}}","policy_name":"renamed","statement":[{"effect":"ALLOW","actions":["iotda:devices:publish"],"resources":["topic:/v1/${devices.deviceId}/test/hello"]}],"update_time":"2024-05-06T07:08:09.0000000\u002B00:00"}
            {"change":"targets","instance_id":"{{InstanceId}}","policy_id":"{{PolicyId}}","added":[],"removed":["650000000000000000000002"]}

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            journalWhileRunning);

        // Stopped, the file alone holds the state again.
        Assert.Equal(StateFile("renamed", "2024-05-06T07:08:09.0000000\\u002B00:00", KeptTarget), await File.ReadAllTextAsync(stateFile));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<string> BodyAsync(HttpClient http, HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
            return body;
        }
    }

    /// <summary>The state file as the emulator writes it: indented by two spaces, LF line ends, no final newline, <c>+</c> escaped.</summary>
    private static string StateFile(string policyName, string updateTime, params string[] targets)
    {
        var targetLines = new string[targets.Length];
        for (var index = 0; index < targets.Length; index++)
        {
            targetLines[index] = $$"""
                            {
                              "record_id": "65000000000000000000000{{index + 1}}",
                              "target_type": "device",
                              "target_id": "{{targets[index]}}"
                            }
                """;
        }

        var text = $$"""
            {
              "version": 1,
              "instances": [
                {
                  "instance_id": "{{InstanceId}}",
                  "policies": [
                    {
                      "policy_id": "{{PolicyId}}",
                      "app_id": "emulator_default_app",
                      "policy_name": "{{policyName}}",
                      "create_time": "2023-08-10T07:05:47.0000000\u002B00:00",
                      "update_time": "{{updateTime}}",
                      "statement": [
                        {
                          "effect": "ALLOW",
                          "actions": [
                            "iotda:devices:publish"
                          ],
                          "resources": [
                            "topic:/v1/${devices.deviceId}/test/hello"
                          ]
                        }
                      ],
                      "targets": [
            {{string.Join(",\n", targetLines)}}
                      ]
                    }
                  ]
                }
              ]
            }
            """;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}

/// <summary>A clock stopped at one instant, so the times the emulator writes are known in advance.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now)
    {
        _now = now;
    }

    public override DateTimeOffset GetUtcNow() => _now;
}
