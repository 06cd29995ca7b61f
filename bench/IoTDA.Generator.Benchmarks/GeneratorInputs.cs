using System;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// The benchmarks' inputs and sanity checks: the bundled spec, a consumer compilation, and drivers from the tests'
/// in-memory driver (<see cref="InMemoryGenerator"/>) at the latest language version.
/// </summary>
public static class GeneratorInputs
{
    public const string BundledSpecPath = "/repo/spec/iotda.openapi.yaml";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string BundledSpecText { get; } = ReadResource("spec/iotda.openapi.yaml");

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver holding one spec; <paramref name="spec"/> is the additional text <c>ReplaceAdditionalText</c> needs by identity.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText spec, string ns, string clientName, bool track = false) =>
        InMemoryGenerator.CreateDriver(new[] { new SpecInput(spec, ns, clientName) }, ParseOptions, trackSteps: track);

    /// <summary>Throws unless the run generated the client's four files without an error; the benchmarks' sanity check.</summary>
    public static GeneratorRunResult CheckGenerated(GeneratorDriver driver, string expectedMember)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The generator reported errors: " + string.Join("; ", errors.Take(3)));
        }

        if (result.GeneratedSources.Length != 4 || !result.GeneratedSources.Any(s => s.SourceText.ToString().Contains(expectedMember)))
        {
            throw new InvalidOperationException($"Expected four generated files, one declaring {expectedMember}; got {result.GeneratedSources.Length}.");
        }

        return result;
    }

    /// <summary>Throws unless every output of <paramref name="step"/> in the last run has one of the given reasons.</summary>
    public static void CheckStep(GeneratorDriver driver, string step, params IncrementalStepRunReason[] reasons)
    {
        var result = driver.GetRunResult().Results.Single();
        var actual = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        if (actual.Length == 0 || actual.Any(r => !reasons.Contains(r)))
        {
            throw new InvalidOperationException($"Step {step} ran as [{string.Join(", ", actual)}], expected one of [{string.Join(", ", reasons)}].");
        }
    }

    public static void CheckOutputs(GeneratorDriver driver, IncrementalStepRunReason reason)
    {
        var result = driver.GetRunResult().Results.Single();
        var actual = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        if (actual.Length == 0 || actual.Any(r => r != reason))
        {
            throw new InvalidOperationException($"Source outputs ran as [{string.Join(", ", actual.Distinct())}], expected {reason}.");
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(GeneratorInputs).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
