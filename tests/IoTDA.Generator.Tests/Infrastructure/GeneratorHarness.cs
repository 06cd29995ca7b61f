using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Generator.Tests.Infrastructure;

/// <summary>A spec handed to the generator as an additional file with item metadata.</summary>
public sealed record SpecInput(string Path, string Text, string? Namespace = null, string? ClientName = null);

/// <summary>Runs the generator in memory and compiles what it produced against an in-memory IoTDA.Runtime.</summary>
public static class GeneratorHarness
{
    public const string BundledSpecPath = "/repo/spec/iotda-device-policies.openapi.yaml";

    public static readonly CSharpParseOptions CSharp8 = new(LanguageVersion.CSharp8, DocumentationMode.Diagnose);

    private static readonly Lazy<MetadataReference> RuntimeReference = new(BuildRuntime);

    public static string BundledSpecText { get; } = ReadResource("spec/iotda-device-policies.openapi.yaml");

    public static SpecInput BundledSpec => new(BundledSpecPath, BundledSpecText, "IoTDA", "IoTDAClient");

    public static IReadOnlyList<MetadataReference> References { get; } =
        Net80.References.All.Cast<MetadataReference>().Append(RuntimeReference.Value).ToArray();

    public static CSharpGeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CreateDriver(specs, out _, parseOptions, globalOptions);

    /// <summary>Also hands back the additional texts, which <c>ReplaceAdditionalText</c> needs by identity.</summary>
    public static CSharpGeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, out ImmutableArray<AdditionalText> texts, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var inputs = specs.ToArray();
        texts = inputs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        return (CSharpGeneratorDriver)CSharpGeneratorDriver.Create(
            new[] { new IoTDAGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? CSharp8,
            new OptionsProvider(inputs, globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, CSharp8)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>Runs the generator once; returns the run and the compilation that includes the generated trees.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Run(params SpecInput[] specs) => Run(specs, null);

    public static (GeneratorDriverRunResult Run, Compilation Output) Run(SpecInput[] specs, IReadOnlyDictionary<string, string>? globalOptions)
    {
        var driver = CreateDriver(specs, globalOptions: globalOptions).RunGeneratorsAndUpdateCompilation(CreateCompilation("namespace Consumer { /// <summary>Consumer code.</summary>\n public static class Marker { } }"), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Compiler errors and warnings (hidden and info excluded) in the compilation, generated trees included.</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();

    public static string ReadResource(string name)
    {
        using var stream = typeof(GeneratorHarness).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The runtime's net8.0 build (what this net10.0 test project copies), matching the .NET 8 reference assemblies.</summary>
    private static MetadataReference BuildRuntime() =>
        MetadataReference.CreateFromFile(typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location);

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
        private readonly Dictionary<string, SpecInput> _specs;

        public OptionsProvider(IEnumerable<SpecInput> specs, IReadOnlyDictionary<string, string> globalOptions)
        {
            _specs = specs.ToDictionary(s => s.Path, StringComparer.Ordinal);
            GlobalOptions = new Options(new Dictionary<string, string>(globalOptions));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var values = new Dictionary<string, string>();
            if (_specs.TryGetValue(textFile.Path, out var spec))
            {
                values["build_metadata.AdditionalFiles.OpenApiSpec"] = "true";
                if (spec.Namespace is not null)
                {
                    values["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
                }

                if (spec.ClientName is not null)
                {
                    values["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
                }
            }

            return new Options(values);
        }
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
