using System;
using System.IO;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The bundled spec's generated code: it compiles cleanly at C# 8, and it matches the checked-in baselines.
/// Regenerate the baselines with <c>IOTDA_UPDATE_BASELINES=1 dotnet test tests/IoTDA.Generator.Tests</c>.
/// </summary>
public class GeneratedCodeTests
{
    [Fact]
    public void Bundled_spec_generates_code_that_compiles_at_CSharp8_without_any_warning()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.BundledSpec);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().Diagnostics);
        Assert.Equal(4, run.GeneratedTrees.Length);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Generated_file_names_start_with_the_spec_name_and_differ_by_folder()
    {
        var text = GeneratorHarness.BundledSpecText;
        var (run, output) = GeneratorHarness.Run(
            new SpecInput("/a/openapi.yaml", text, "First", "FirstClient"),
            new SpecInput("/b/openapi.yaml", text, "Second", "SecondClient"));

        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.All(hints, hint => Assert.StartsWith("openapi.", hint, StringComparison.Ordinal));
        Assert.Equal(8, hints.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Generated_code_matches_the_baselines()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpec);
        var update = Environment.GetEnvironmentVariable("IOTDA_UPDATE_BASELINES") == "1";
        var directory = Path.Combine(SourceDirectory(), "Baselines");
        var mismatches = new System.Collections.Generic.List<string>();
        foreach (var source in run.Results.Single().GeneratedSources)
        {
            var file = Path.Combine(directory, BaselineName(source.HintName));
            var actual = source.SourceText.ToString();
            if (update)
            {
                File.WriteAllText(file, actual);
                continue;
            }

            if (!File.Exists(file) || File.ReadAllText(file).ReplaceLineEndings("\n") != actual)
            {
                mismatches.Add(BaselineName(source.HintName));
            }
        }

        Assert.True(mismatches.Count == 0,
            "Generated code differs from the baselines in " + string.Join(", ", mismatches) +
            ". Review the change, then run: IOTDA_UPDATE_BASELINES=1 dotnet test tests/IoTDA.Generator.Tests");
    }

    /// <summary><c>iotda-device-policies.openapi.1a2b3c4d.Models.g.cs</c> → <c>Models.g.cs</c>: the hash depends on the machine's path.</summary>
    private static string BaselineName(string hintName)
    {
        var parts = hintName.Split('.');
        return string.Join(".", parts.Skip(parts.Length - 3));
    }

    /// <summary>
    /// This project's folder, found from the test binaries upwards (CallerFilePath is path-mapped in CI builds).
    /// </summary>
    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "IoTDA.Generator.Tests");
            }
        }

        throw new InvalidOperationException("Generated.sln was not found above " + AppContext.BaseDirectory);
    }
}
