using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// The C# compiler of the .NET SDK that built this benchmark, run the way <c>dotnet build</c> runs it: through the
/// compiler server (VBCSCompiler, warm after the first builds, analyzers loaded once), with the analyzers and source
/// generators a default build of a net10.0 library passes and the analysis-level configuration the SDK adds. The
/// server gets a pipe name of its own, so no other build shares it, and is shut down by <see cref="Dispose"/>.
/// </summary>
public sealed class SdkCompiler : IDisposable
{
    private readonly string _compilerDirectory;
    private readonly string _pipeName = "iotda-analyzer-bench-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private SdkCompiler(string sdkDirectory, string targetingPackDirectory)
    {
        _compilerDirectory = Path.Combine(sdkDirectory, "Roslyn", "bincore");
        DefaultAnalyzers = Directory.GetFiles(Path.Combine(targetingPackDirectory, "analyzers", "dotnet", "cs"), "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(sdkDirectory, "Sdks", "Microsoft.NET.Sdk", "analyzers"), "Microsoft.CodeAnalysis*NetAnalyzers.dll")
                .Where(path => !Path.GetFileName(path).Contains("VisualBasic", StringComparison.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        AnalysisLevelConfig = Path.Combine(sdkDirectory, "Sdks", "Microsoft.NET.Sdk", "analyzers", "build", "config", "analysislevel_10_default.globalconfig");
        FrameworkReferences = Directory.GetFiles(Path.Combine(targetingPackDirectory, "ref", "net10.0"), "*.dll");
        if (!File.Exists(Path.Combine(_compilerDirectory, "csc.dll")) || DefaultAnalyzers.Count == 0 || !File.Exists(AnalysisLevelConfig) || FrameworkReferences.Count == 0)
        {
            throw new InvalidOperationException($"The SDK at {sdkDirectory} or the targeting pack at {targetingPackDirectory} does not have the expected compiler, analyzers, configuration and references.");
        }
    }

    /// <summary>The analyzers and generators a default <c>dotnet build</c> of a net10.0 library passes to the compiler.</summary>
    public IReadOnlyList<string> DefaultAnalyzers { get; }

    /// <summary>The SDK's configuration for the default analysis level, which says which of those rules are on.</summary>
    public string AnalysisLevelConfig { get; }

    public IReadOnlyList<string> FrameworkReferences { get; }

    /// <summary>The compiler of the SDK this assembly was built with (stamped into it by the project file).</summary>
    public static SdkCompiler Load() => new(Metadata("SdkDirectory"), Metadata("TargetingPackDirectory"));

    /// <summary>
    /// Compiles as <c>csc /shared @responseFile</c> does; returns what the compiler printed. With a
    /// <paramref name="clientLog"/> the compiler client writes there how it reached the server.
    /// </summary>
    public string Run(string responseFile, string? clientLog = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The compiler prints its diagnostics to standard output; standard error stays the console's.
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(_compilerDirectory, "csc.dll"));
        start.ArgumentList.Add("/shared:" + _pipeName);
        start.ArgumentList.Add("@" + responseFile);
        if (clientLog is not null)
        {
            start.Environment["RoslynCommandLineLogFile"] = clientLog;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the compiler.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"csc @{responseFile} exited with {process.ExitCode}:{Environment.NewLine}{output}");
    }

    /// <summary>Compiles once with the client's log on and fails unless the server did the compilation.</summary>
    public string RunCheckingServer(string responseFile)
    {
        var log = Path.Combine(Path.GetDirectoryName(responseFile)!, Path.GetFileNameWithoutExtension(responseFile) + ".client.log");
        var output = Run(responseFile, log);
        return File.ReadAllText(log).Contains("Server compilation completed: Completed", StringComparison.Ordinal)
            ? output
            : throw new InvalidOperationException($"The compiler did not use its server (pipe {_pipeName}); see {log}.");
    }

    public void Dispose()
    {
        using var shutdown = Process.Start("dotnet", [Path.Combine(_compilerDirectory, "VBCSCompiler.dll"), "-shutdown", "-pipename:" + _pipeName]);
        shutdown?.WaitForExit();
    }

    private static string Metadata(string key) =>
        typeof(SdkCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The benchmark assembly has no '{key}' metadata; build it with the .NET SDK.");
}
