using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The bundled spec's generated code compiles cleanly at C# 8; its code and the general specs' match the checked-in
/// baselines. Regenerate every baseline with
/// <c>IOTDA_UPDATE_BASELINES=1 dotnet test tests/IoTDA.Generator.Tests --filter Generated_code_matches_the_baselines</c>.
/// </summary>
public class GeneratedCodeTests
{
    private const string UpdateCommand = "IOTDA_UPDATE_BASELINES=1 dotnet test tests/IoTDA.Generator.Tests --filter Generated_code_matches_the_baselines";

    /// <summary>
    /// The specs with checked-in baselines, each in its own folder under <c>Baselines/</c>: the bundled spec, the
    /// edge-case and Swagger 2.0 specs of <c>Specs/</c> as GeneralSpecTests generates them, the form uploads, the
    /// default endpoint a spec's servers give, the string formats typed as .NET types, the query array styles, the path parameters that span segments, the
    /// bodies that are neither JSON nor a form, cookies and caller-formatted parameters, members cleared with null or an empty array, the security schemes beside Huawei's, a discriminated oneOf, a union of alternatives no discriminator tells apart, a urlencoded form, and integer enums.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, SpecInput> Scenarios = new Dictionary<string, SpecInput>(StringComparer.Ordinal)
    {
        ["iotda-device-policies"] = GeneratorHarness.BundledSpec,
        ["edge-cases"] = GeneratorHarness.EdgeCasesSpec,
        ["petstore"] = GeneratorHarness.PetstoreSpec,
        ["uploads"] = GeneratorHarness.UploadsSpec,
        ["servers"] = GeneratorHarness.ServersSpec,
        ["formats"] = GeneratorHarness.FormatsSpec,
        ["query-styles"] = GeneratorHarness.QueryStylesSpec,
        ["multi-segment"] = GeneratorHarness.MultiSegmentSpec,
        ["raw-bodies"] = GeneratorHarness.RawBodiesSpec,
        ["parameters"] = GeneratorHarness.ParametersSpec,
        ["nulls"] = GeneratorHarness.NullsSpec,
        ["security"] = GeneratorHarness.SecuritySpec,
        ["polymorphism"] = GeneratorHarness.PolymorphismSpec,
        ["url-encoded"] = GeneratorHarness.UrlEncodedSpec,
        ["integer-enums"] = GeneratorHarness.IntegerEnumsSpec,
        ["unions"] = GeneratorHarness.UnionsSpec,
    };

    public static TheoryData<string> BaselineScenarios => new(Scenarios.Keys);

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

    [Theory]
    [MemberData(nameof(BaselineScenarios))]
    public void Generated_code_matches_the_baselines(string scenario)
    {
        var (run, _) = GeneratorHarness.Run(Scenarios[scenario]);
        var update = Environment.GetEnvironmentVariable("IOTDA_UPDATE_BASELINES") == "1";
        var directory = Path.Combine(SourceDirectory(), "Baselines", scenario);
        var generated = run.Results.Single().GeneratedSources.ToDictionary(s => BaselineName(s.HintName), s => s.SourceText.ToString(), StringComparer.Ordinal);
        var checkedIn = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.g.cs").Select(Path.GetFileName).OfType<string>().ToArray()
            : Array.Empty<string>();
        if (update)
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            foreach (var stale in checkedIn.Where(name => !generated.ContainsKey(name)))
            {
                File.Delete(Path.Combine(directory, stale));
            }

            return;
        }

        var mismatches = generated
            .Where(file => !File.Exists(Path.Combine(directory, file.Key)) || File.ReadAllText(Path.Combine(directory, file.Key)).ReplaceLineEndings("\n") != file.Value)
            .Select(file => file.Key)
            .Concat(checkedIn.Where(name => !generated.ContainsKey(name)).Select(name => name + " (no longer generated)"))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.True(mismatches.Length == 0,
            $"Generated code for {scenario} differs from Baselines/{scenario} in " + string.Join(", ", mismatches) +
            ". Review the change, then run: " + UpdateCommand);
    }

    /// <summary><c>iotda.openapi.1a2b3c4d.Models.g.cs</c> → <c>Models.g.cs</c>: the hash depends on the machine's path.</summary>
    private static string BaselineName(string hintName)
    {
        var parts = hintName.Split('.');
        return string.Join(".", parts.Skip(parts.Length - 3));
    }

    /// <summary>This project's folder in the repository.</summary>
    private static string SourceDirectory() => Path.Combine(Repository.Root(), "tests", "IoTDA.Generator.Tests");
}
