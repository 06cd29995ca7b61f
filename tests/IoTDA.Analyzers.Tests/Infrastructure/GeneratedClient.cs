using System.Collections.Generic;
using System.Linq;
using IoTDA.Analyzers.Tests.Infrastructure;
using IoTDA.Generator.Testing;
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
        ClientGeneration.Run(TestProject.SpecPath, TestProject.SpecText, ParseOptions, TestProject.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Trees;
}
