using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Packaging.Tests.Infrastructure;

/// <summary>What one command printed (stdout and stderr interleaved) and how it ended.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public override string ToString() => $"{CommandLine} exited {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the real dotnet CLI (and git) the way a user would, isolated from the MSBuild that runs these tests.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunProcessAsync("dotnet", workingDirectory, arguments);

    /// <summary>Builds a project as a user would, without the compiler server or MSBuild nodes outliving the build.</summary>
    public static Task<CommandResult> BuildAsync(string projectDirectory) =>
        RunAsync(projectDirectory, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

    /// <summary>Runs git in the repository, failing the test if git does.</summary>
    public static async Task<string> GitAsync(string workingDirectory, params string[] arguments)
    {
        var result = await RunProcessAsync("git", workingDirectory, arguments);
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException(result.ToString());
        }
        return result.Output;
    }

    private static async Task<CommandResult> RunProcessAsync(string fileName, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may run inside an MSBuild or dotnet test process whose variables point nested builds at its
        // own SDK, nodes and loggers; a user's shell has none of them.
        var inherited = new List<string>();
        foreach (var key in start.Environment.Keys)
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(key);
            }
        }
        foreach (var key in inherited)
        {
            start.Environment.Remove(key);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} ran longer than {Timeout}:{Environment.NewLine}{output}");
        }

        return new CommandResult(fileName + " " + string.Join(" ", arguments), process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
