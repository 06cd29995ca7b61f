using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using IoTDA.Generator;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>
/// A Microsoft.CodeAnalysis.Testing run over a consumer project: the real generator turns the bundled spec into the
/// client, so the attributes the analyzers read are the ones the spec produces today.
/// </summary>
public sealed class Verifier<TCodeFix> : CSharpCodeFixTest<ConstraintAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public Verifier(string source, string? fixedSource = null, string? specText = null)
    {
        // No reference-assembly package is downloaded: the .NET 8 references come from Basic.Reference.Assemblies.
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestCode = source;
        if (fixedSource is not null)
        {
            FixedCode = fixedSource;
        }

        TestState.AdditionalReferences.AddRange(TestProject.References);
        TestState.AdditionalFiles.Add((TestProject.SpecPath, specText ?? TestProject.SpecText));
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestProject.GlobalConfig));
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(IoTDAGenerator) };

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

/// <summary>Shorthands for tests that check diagnostics only.</summary>
public static class Verify
{
    public static Verifier<EmptyCodeFixProvider> Analyzer(string source) => new(source);

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);
}
