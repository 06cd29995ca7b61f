using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Generator.Testing;

/// <summary>
/// Runs the IoTDA generator over one spec with the options IoTDA.Sdk.targets gives the compiler (read it, into
/// namespace IoTDA, client IoTDAClient). Linked into the analyzer tests and the analyzer benchmarks, which both need
/// the generated client as a user's build would have it.
/// </summary>
internal static class ClientGeneration
{
    public static (IReadOnlyList<SyntaxTree> Trees, ImmutableArray<Diagnostic> Diagnostics) Run(
        string specPath,
        string specText,
        CSharpParseOptions parseOptions,
        IEnumerable<MetadataReference> references,
        CSharpCompilationOptions compilationOptions)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new IoTDAGenerator().AsSourceGenerator() },
            new AdditionalText[] { new SpecText(specPath, SourceText.From(specText)) },
            parseOptions,
            new SpecOptionsProvider());
        var empty = CSharpCompilation.Create("Consumer", null, references, compilationOptions);
        driver.RunGeneratorsAndUpdateCompilation(empty, out var output, out var diagnostics);
        return (output.SyntaxTrees.ToArray(), diagnostics);
    }

    private sealed class SpecText : AdditionalText
    {
        private readonly SourceText _text;

        public SpecText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = "IoTDA",
            ["build_metadata.AdditionalFiles.ClientName"] = "IoTDAClient",
        });
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
