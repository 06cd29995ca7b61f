using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Generator.Parsing;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.Readers;
using Xunit;
using Xunit.Abstractions;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The generator is general: every document of the npm package <c>@readme/oas-examples</c> (Swagger 2.0 and OpenAPI
/// 3.x edge cases it was never tuned on), installed with npm into a temporary folder at test time, each in its own
/// namespace, in one compilation.
/// </summary>
public class OasExamplesTests
{
    /// <summary>Pinned, so the documents (and the counts below) do not change under the test.</summary>
    private const string PackageVersion = "8.2.2";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;

    public OasExamplesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_oas_examples_document_generates_compiling_code_or_ends_in_IOTDA1xx_diagnostics()
    {
        var stopwatch = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetTempPath(), "iotda-oas-examples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var package = await InstallAsync(scratch);
            var installed = stopwatch.Elapsed;

            var documents = new[] { "2.0", "3.0", "3.1" }
                .SelectMany(version => Documents(package, version).Select(path => (Version: version, Path: path)))
                .Select((d, i) => new Document(d.Version, d.Path, File.ReadAllText(d.Path), "OasExamples.Doc" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();
            // The pinned version's documents, json and yaml: a changed layout must not shrink the test unnoticed.
            Assert.Equal(
                new[] { ("2.0", 14), ("3.0", 91), ("3.1", 24) },
                documents.GroupBy(d => d.Version).Select(g => (g.Key, g.Count())).ToArray());

            var (run, compilation) = GeneratorHarness.Run(documents.Select(d => new SpecInput(d.Path, d.Text, d.Namespace)).ToArray());
            var result = run.Results.Single();
            var failures = new List<string>();
            if (result.Exception is { } exception)
            {
                failures.Add("the generator threw: " + exception);
            }

            var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
            var diagnosticsByDocument = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
            foreach (var diagnostic in run.Diagnostics)
            {
                var path = diagnostic.Location.GetLineSpan().Path;
                if (!diagnostic.Id.StartsWith("IOTDA1", StringComparison.Ordinal) || diagnostic.Id == "IOTDA199" || path is null || !byPath.ContainsKey(path))
                {
                    failures.Add($"a diagnostic that is not an IOTDA1xx about a spec: {diagnostic} (at '{path}')");
                    continue;
                }

                if (!diagnosticsByDocument.TryGetValue(path, out var list))
                {
                    diagnosticsByDocument[path] = list = new List<Diagnostic>();
                }

                list.Add(diagnostic);
            }

            var rejected = 0;
            foreach (var document in documents)
            {
                var name = Path.GetRelativePath(package, document.Path);
                var diagnostics = diagnosticsByDocument.TryGetValue(document.Path, out var found) ? found : new List<Diagnostic>();
                var prefix = SpecFileReader.HintPrefix(document.Path) + ".";
                var generated = result.GeneratedSources.Count(s => s.HintName.StartsWith(prefix, StringComparison.Ordinal));
                if (document.Version == "3.1")
                {
                    // The reader cannot read 3.1 itself: what it rejects here says nothing of the rewritten document.
                    if (generated == 0)
                    {
                        failures.Add($"{name}: an OpenAPI 3.1 document generated nothing: [{string.Join("; ", diagnostics)}]");
                    }
                }
                else if (RejectedByReaders(document.Text, out var reason))
                {
                    rejected++;
                    _output.WriteLine($"{name}: rejected by Microsoft.OpenApi.Readers ({reason}); generator: {generated} files, [{string.Join(", ", diagnostics.Select(d => d.Id).Distinct())}]");
                    if (diagnostics.Count == 0)
                    {
                        failures.Add($"{name}: Microsoft.OpenApi.Readers rejects it ({reason}) but the generator reported no IOTDA1xx diagnostic");
                    }
                }
                else if (generated == 0)
                {
                    failures.Add($"{name}: Microsoft.OpenApi.Readers reads it but nothing was generated: [{string.Join("; ", diagnostics)}]");
                }
            }

            var generatedAt = stopwatch.Elapsed;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            failures.AddRange(errors.Take(25).Select(e => "compile error: " + e));
            if (errors.Length > 25)
            {
                failures.Add($"... and {errors.Length - 25} more compile errors");
            }

            _output.WriteLine(
                $"{documents.Length} documents ({string.Join(", ", documents.GroupBy(d => d.Version).Select(g => g.Count() + " in " + g.Key))}), " +
                $"{rejected} of 2.0/3.0 rejected by Microsoft.OpenApi.Readers, {result.GeneratedSources.Length} generated files, " +
                $"{run.Diagnostics.Length} IOTDA diagnostics, {errors.Length} compile errors; install {installed.TotalSeconds:F1} s, " +
                $"generate {(generatedAt - installed).TotalSeconds:F1} s, compile {(stopwatch.Elapsed - generatedAt).TotalSeconds:F1} s");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in the temp directory is harmless.
            }
        }
    }

    /// <summary>Installs the package with npm; any failure fails the test, with npm's output.</summary>
    private static async Task<string> InstallAsync(string scratch)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error",
                     "--prefix", scratch, "@readme/oas-examples@" + PackageVersion,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "This test needs npm on the PATH to install @readme/oas-examples@" + PackageVersion + ": " + exception.Message, exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm install @readme/oas-examples@{PackageVersion} did not finish within {InstallTimeout.TotalSeconds} s");
            }

            var package = Path.Combine(scratch, "node_modules", "@readme", "oas-examples");
            if (process.ExitCode != 0 || !Directory.Exists(package))
            {
                throw new InvalidOperationException(
                    $"npm install @readme/oas-examples@{PackageVersion} failed (exit code {process.ExitCode}):\n{await stdout}\n{await stderr}");
            }

            return package;
        }
    }

    private static IEnumerable<string> Documents(string package, string version)
    {
        var folder = Path.Combine(package, version);
        Assert.True(Directory.Exists(folder), $"the package has no {version} folder: {package}");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    /// <summary>Whether Microsoft.OpenApi.Readers, with the generator's settings, reports errors for (or throws on) the text.</summary>
    private static bool RejectedByReaders(string text, out string reason)
    {
        try
        {
            var settings = new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences };
            new OpenApiStringReader(settings).Read(text, out var diagnostic);
            reason = diagnostic.Errors.Count == 0 ? "" : diagnostic.Errors.Count + " errors, first: " + diagnostic.Errors[0].Message;
            return diagnostic.Errors.Count > 0;
        }
        catch (Exception exception)
        {
            reason = exception.GetType().Name + ": " + exception.Message;
            return true;
        }
    }

    private sealed record Document(string Version, string Path, string Text, string Namespace);
}
