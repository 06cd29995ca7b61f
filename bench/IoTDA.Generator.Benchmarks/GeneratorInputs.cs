using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// The generator's inputs held in memory, as the tests' harness holds them: specs as additional files with the
/// item metadata a consumer's <c>&lt;OpenApiSpec&gt;</c> item maps to, and a consumer compilation.
/// </summary>
public static class GeneratorInputs
{
    public const string BundledSpecPath = "/repo/spec/iotda-device-policies.openapi.yaml";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string BundledSpecText { get; } = ReadResource("spec/iotda-device-policies.openapi.yaml");

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver holding one spec; <paramref name="text"/> is the additional text <c>ReplaceAdditionalText</c> needs by identity.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText text, string ns, string clientName, bool track = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new IoTDAGenerator().AsSourceGenerator() },
            ImmutableArray.Create(text),
            ParseOptions,
            new OptionsProvider(text.Path, ns, clientName),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

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

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());
        private readonly string _specPath;
        private readonly AnalyzerConfigOptions _specOptions;

        public OptionsProvider(string specPath, string ns, string clientName)
        {
            _specPath = specPath;
            _specOptions = new Options(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true",
                ["build_metadata.AdditionalFiles.Namespace"] = ns,
                ["build_metadata.AdditionalFiles.ClientName"] = clientName,
            });
            GlobalOptions = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, _specPath, StringComparison.Ordinal) ? _specOptions : Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
