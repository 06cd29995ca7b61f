using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// The analyzers' share of a build (goal: under 5%), as a build sees it: the SDK's compiler, through its server as <c>dotnet build</c> uses it,
/// compiles <see cref="SyntheticProject"/> (10,000 call sites) from files to a DLL with the analyzers and generators
/// a default build of a net10.0 library passes (<see cref="Build"/>, the baseline) and with the IoTDA analyzers added
/// (<see cref="BuildWithIoTDAAnalyzers"/>): the <c>Ratio</c> of that row minus 1 is the IoTDA analyzers' share of the
/// compilation (goal: under 5%). <see cref="BareCompiler"/> passes no analyzer at all (what the SDK's own analyzers
/// cost). Every row includes starting the compiler client, about 70 ms here (an empty file compiles in that).
/// Times are wall clock of the whole <c>csc</c> client; the compilation runs in the server process, so BenchmarkDotNet's
/// memory columns would not see it and are left out.
/// </summary>
[MedianColumn]
public class BuildShareBenchmarks
{
    /// <summary>
    /// The compiler server gets faster over its first dozen builds (tiered JIT of the compiler and the analyzers);
    /// a developer's server is past that, so the setup builds this many times before BenchmarkDotNet's own warm-up.
    /// </summary>
    private const int ServerWarmUpBuilds = 10;

    private SdkCompiler _compiler = null!;
    private string _directory = null!;
    private string _build = null!;
    private string _buildWithIoTDA = null!;
    private string _bare = null!;

    [Params(10_000)]
    public int CallSites { get; set; }

    /// <summary>
    /// How many of the calls break a rule. 0 is a project that builds clean, the everyday case; with 200, every file
    /// has two warnings, and each file with a diagnostic costs the analyzer driver a walk of that file to check it is
    /// not generated code (what <c>ConfigureGeneratedCodeAnalysis(None)</c> asks of it).
    /// </summary>
    [Params(0, 200)]
    public int BrokenCalls { get; set; }

    /// <summary>
    /// True is the default build: the compiler and the analyzers share the cores, so on a machine with a core to
    /// spare analyzer work can hide behind the compiler's. False passes <c>/parallel-</c>: one thread does everything,
    /// so every millisecond of analyzer work shows in the wall clock (the conservative reading, and the steadier one).
    /// </summary>
    [Params(true, false)]
    public bool ConcurrentBuild { get; set; }

    /// <summary>Writes the project and three response files to disk, and checks each compiles and reports what it should.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _compiler = SdkCompiler.Load();
        var project = SyntheticProject.Create(CallSites, BrokenCalls);
        _directory = Path.Combine(Path.GetTempPath(), "iotda-analyzer-bench-" + Guid.NewGuid().ToString("N"));
        var sources = project.WriteSources(Path.Combine(_directory, "src"));

        string[] options = ["/nologo", "/noconfig", "/target:library", "/nullable:enable", "/langversion:12", "/optimize+", "/debug:portable", "/deterministic+", "/nowarn:1701,1702", ConcurrentBuild ? "/parallel+" : "/parallel-"];
        string[] references = [.. _compiler.FrameworkReferences.Select(path => "/reference:" + path), "/reference:" + typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location];
        string[] sdkAnalyzers = [.. _compiler.DefaultAnalyzers.Select(path => "/analyzer:" + path), "/analyzerconfig:" + _compiler.AnalysisLevelConfig];

        _bare = ResponseFile("bare", [.. options, .. references, .. sources]);
        _build = ResponseFile("build", [.. options, .. references, .. sdkAnalyzers, .. sources]);
        _buildWithIoTDA = ResponseFile("iotda", [.. options, .. references, .. sdkAnalyzers, "/analyzer:" + CopyAnalyzerAlone(), .. sources]);

        Expect(_bare, ImmutableDictionary<string, int>.Empty);
        Expect(_build, ImmutableDictionary<string, int>.Empty);
        Expect(_buildWithIoTDA, project.ExpectedDiagnostics);

        for (var build = 0; build < ServerWarmUpBuilds; build++)
        {
            _compiler.Run(_buildWithIoTDA);
        }

        var report = _compiler.Run(ResponseFile("report", [.. File.ReadAllLines(_buildWithIoTDA), "/reportanalyzer"])).Split('\n');
        var total = report.FirstOrDefault(line => line.StartsWith("Total analyzer execution time", StringComparison.Ordinal))?.Trim();
        var own = report.FirstOrDefault(line => line.Contains("IoTDA.Analyzers.ConstraintAnalyzer", StringComparison.Ordinal))?.Trim();
        Console.WriteLine($"// {CallSites} call sites ({BrokenCalls} broken) in {sources.Count} files; /reportanalyzer on a warm server: {total} IoTDA: {own}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _compiler?.Dispose();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "Build: csc + SDK default analyzers")]
    public string Build() => _compiler.Run(_build);

    [Benchmark(Description = "Build + IoTDA analyzers")]
    public string BuildWithIoTDAAnalyzers() => _compiler.Run(_buildWithIoTDA);

    [Benchmark(Description = "csc alone, no analyzers")]
    public string BareCompiler() => _compiler.Run(_bare);

    private string ResponseFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name + ".rsp");
        File.WriteAllLines(path, lines.Append("/out:" + Path.Combine(_directory, "out-" + name + ".dll")));
        return path;
    }

    /// <summary>
    /// The analyzer assembly in a folder of its own, as the package's <c>analyzers/dotnet/cs</c> has it: next to this
    /// benchmark's own Microsoft.CodeAnalysis the compiler's loader would bind it to that copy and find no analyzers.
    /// </summary>
    private string CopyAnalyzerAlone()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "analyzers")).FullName;
        var path = Path.Combine(folder, Path.GetFileName(typeof(ConstraintAnalyzer).Assembly.Location));
        File.Copy(typeof(ConstraintAnalyzer).Assembly.Location, path);
        return path;
    }

    /// <summary>The IOTDA and AD0001 diagnostics the compiler printed must be exactly <paramref name="expected"/>.</summary>
    private void Expect(string responseFile, ImmutableDictionary<string, int> expected)
    {
        var output = _compiler.RunCheckingServer(responseFile);
        var reported = DiagnosticCounts.Count(Regex.Matches(output, @"warning (IOTDA\d{3}|AD0001):").Select(match => match.Groups[1].Value));
        if (!DiagnosticCounts.Same(reported, expected))
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(responseFile)}: the compiler reported {DiagnosticCounts.Describe(reported)}; expected {DiagnosticCounts.Describe(expected)}.{Environment.NewLine}{output[..Math.Min(output.Length, 4000)]}");
        }
    }
}
