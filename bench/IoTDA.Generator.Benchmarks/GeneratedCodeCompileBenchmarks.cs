using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// Where a consumer's build spends its time on the generated client, by phase: the generator's run, parsing its
/// output, binding it (what <c>GetDiagnostics</c> does) and emitting the assembly (binding included), for the
/// bundled spec's device-policy group alone and for every group. Each phase starts from fresh objects, as a build does.
/// </summary>
[MemoryDiagnoser]
public class GeneratedCodeCompileBenchmarks
{
    private static readonly MetadataReference[] References =
        Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location))
            .ToArray();

    private CSharpCompilation _consumer = null!;
    private SpecInput _spec = null!;
    private string[] _generated = null!;
    private SyntaxTree[] _trees = null!;

    /// <summary>The <c>Tags</c> of the spec item; "all" selects nothing, so every group is generated.</summary>
    [Params("DevicePolicies", "all")]
    public string Groups { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        _consumer = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { public class A { } }", GeneratorInputs.ParseOptions) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _spec = new SpecInput(GeneratorInputs.BundledSpecPath, GeneratorInputs.BundledSpecText, "IoTDA", "IoTDAClient", Groups == "all" ? null : Groups);
        _generated = Generate().Results.Single().GeneratedSources.Select(source => source.SourceText.ToString()).ToArray();
        _trees = Parse();
        var errors = Compilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToArray();
        if (errors.Length > 0 || _generated.Length != 4)
        {
            throw new InvalidOperationException($"Expected four generated files that compile; got {_generated.Length}, errors: {string.Join("; ", errors.AsEnumerable())}");
        }

        Console.WriteLine($"// {Groups}: {_generated.Sum(text => text.Count(c => c == '\n'))} generated lines");
    }

    /// <summary>The generator's first run on the spec (read, parse, emit source).</summary>
    [Benchmark]
    public GeneratorDriverRunResult Generate() =>
        InMemoryGenerator.CreateDriver(new[] { _spec }, GeneratorInputs.ParseOptions).RunGenerators(_consumer).GetRunResult();

    /// <summary>Parsing the generated files.</summary>
    [Benchmark]
    public SyntaxTree[] Parse() =>
        _generated.Select(text => CSharpSyntaxTree.ParseText(text, GeneratorInputs.ParseOptions)).ToArray();

    /// <summary>Binding the consumer with the generated trees: every diagnostic the compiler reports.</summary>
    [Benchmark]
    public int Bind() => Compilation().GetDiagnostics().Length;

    /// <summary>Emitting the assembly (binds on the way): Emit minus Bind is the code generation.</summary>
    [Benchmark]
    public bool Emit()
    {
        using var stream = new MemoryStream();
        return Compilation().Emit(stream).Success;
    }

    private CSharpCompilation Compilation() => _consumer.AddSyntaxTrees(_trees);
}
