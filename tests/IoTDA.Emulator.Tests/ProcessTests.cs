using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

public sealed class ProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task The_emulator_started_with_dotnet_run_answers_on_its_port()
    {
        var port = TestClients.FreeLoopbackPort();
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = DotnetRun(port), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.StartsWith("IoTDA emulator listening on ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(line.Data.Substring("IoTDA emulator listening on ".Length));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The emulator process exited before it listened."));

        Assert.True(process.Start());
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(StartTimeout);
            string endpoint;
            try
            {
                endpoint = await listening.Task.WaitAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
            {
                if (process.HasExited)
                {
                    // Waiting for the exit also drains what the process wrote before it ended.
                    await process.WaitForExitAsync();
                }

                lock (output)
                {
                    Assert.Fail($"The emulator did not report listening within {StartTimeout.TotalSeconds} s: {exception.Message}\n{output}");
                }

                throw;
            }

            var defaults = new IoTDAEmulatorOptions();
            var client = new IoTDAClient(new System.Net.Http.HttpClient(), new IoTDAClientOptions
            {
                Endpoint = new Uri(endpoint),
                ProjectId = defaults.ProjectId,
                Credentials = new AkSkCredentials(defaults.AccessKey, defaults.SecretKey),
                Retry = new IoTDARetryOptions { MaxRetries = 0 },
            });
            var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("from_a_process"));
            var listed = await client.ListDevicePoliciesAsync();

            Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), new Uri(endpoint));
            Assert.Equal(created.PolicyId, Assert.Single(listed.Policies).PolicyId);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo DotnetRun(int port)
    {
        var metadata = typeof(ProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(attribute => attribute.Key, attribute => attribute.Value);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "run", "--project", metadata["EmulatorProject"]!, "--no-build", "-c", metadata["Configuration"]!,
                     "--", "--urls", $"http://127.0.0.1:{port}",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host's own environment must not leak into the child's configuration.
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment.Remove("DOTNET_URLS");
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        return startInfo;
    }
}
