using System;
using System.Collections.Generic;
using IoTDA.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>
/// A Microsoft.CodeAnalysis.Testing run over a consumer project holding the client the real generator makes from the
/// bundled spec, so the attributes the analyzers read are the ones the spec produces today. A diagnostics-only test
/// runs the generator in the test state, as a consumer's build does. A code fix test adds the generated files as
/// documents instead (still marked auto-generated): the testing library runs source generators for the compiler's
/// diagnostics but not for the semantic model that code fixes and the simplifier see.
/// </summary>
public sealed class Verifier<TCodeFix> : CSharpCodeFixTest<ConstraintAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public Verifier(string source, string? fixedSource = null)
    {
        // No reference-assembly package is downloaded: the .NET 8 references come from Basic.Reference.Assemblies.
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestCode = source;
        if (fixedSource is not null)
        {
            FixedCode = fixedSource;
        }

        TestState.AdditionalReferences.AddRange(TestProject.References);
        if (fixedSource is null)
        {
            RunsGenerator = true;
            TestState.AdditionalFiles.Add((TestProject.SpecPath, TestProject.SpecText));
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestProject.GlobalConfig));
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            return;
        }

        foreach (var generated in GeneratedClient.GeneratedTrees)
        {
            var path = "/0/Generated/" + System.IO.Path.GetFileName(generated.FilePath);
            TestState.Sources.Add((path, generated.GetText()));
            FixedState.Sources.Add((path, generated.GetText()));
        }
    }

    public bool RunsGenerator { get; }

    protected override IEnumerable<Type> GetSourceGenerators() => RunsGenerator ? new[] { typeof(IoTDAGenerator) } : Array.Empty<Type>();

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(GeneratedClient.ParseOptions.LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

/// <summary>Shorthands for tests that check diagnostics only.</summary>
public static class Verify
{
    public static Verifier<EmptyCodeFixProvider> Analyzer(string source) => new(source);

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);
}
