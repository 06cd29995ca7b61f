using System.Collections.Generic;
using System.Linq;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    private static IReadOnlyList<SyntaxTree> Generate() =>
        InMemoryGenerator.Run(
            new[] { SpecInput.Bundled(TestProject.SpecPath, TestProject.SpecText) },
            CSharpCompilation.Create("Consumer", null, TestProject.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            ParseOptions).Run.GeneratedTrees;
}
