using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IoTDA.Analyzers.Tests.Infrastructure;
using IoTDA.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>The consumer compilation with the generated client, built once, for tests that drive the compiler directly.</summary>
public static class GeneratedClient
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly System.Lazy<IReadOnlyList<SyntaxTree>> Trees = new(Generate);

    public static IReadOnlyList<SyntaxTree> GeneratedTrees => Trees.Value;

    public static CSharpCompilation Compile(params SyntaxTree[] userTrees) =>
        CSharpCompilation.Create(
            "Consumer",
            GeneratedTrees.Concat(userTrees),
            TestProject.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static IReadOnlyList<SyntaxTree> Generate()
    {
        var spec = new SpecText(TestProject.SpecPath, SourceText.From(TestProject.SpecText));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new IoTDAGenerator().AsSourceGenerator() },
            new AdditionalText[] { spec },
            ParseOptions,
            new SpecOptionsProvider());
        var empty = CSharpCompilation.Create("Consumer", null, TestProject.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        driver.RunGeneratorsAndUpdateCompilation(empty, out var output, out _);
        return output.SyntaxTrees.ToArray();
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
