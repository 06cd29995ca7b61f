using BenchmarkDotNet.Attributes;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// The generator on the bundled spec, driven in memory as the compiler and the IDE drive it: a fresh driver, a
/// driver that has run and sees an edited spec, and a driver that has run and sees an unrelated C# edit.
/// </summary>
[MemoryDiagnoser]
public class BundledSpecBenchmarks
{
    private const string Namespace = "IoTDA";
    private const string ClientName = "IoTDAClient";
    private const string Member = "UnbindDevicePolicyInBatchesAsync";

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private AdditionalText _spec = null!;

    private GeneratorDriver _whitespaceDriver = null!;
    private AdditionalText _whitespaceCurrent = null!;
    private AdditionalText _whitespaceOther = null!;

    private GeneratorDriver _semanticDriver = null!;
    private AdditionalText _semanticCurrent = null!;
    private AdditionalText _semanticOther = null!;

    private GeneratorDriver _unrelatedDriver = null!;
    private bool _unrelatedEdited;

    [GlobalSetup]
    public void Setup()
    {
        var text = GeneratorInputs.BundledSpecText;
        _compilation = GeneratorInputs.CreateCompilation("namespace Consumer { public class A { } }");
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }", GeneratorInputs.ParseOptions));
        _spec = new InMemoryAdditionalText(GeneratorInputs.BundledSpecPath, text);

        // A whitespace-only edit: the spec is read and parsed again, the model is equal, nothing is emitted again.
        _whitespaceCurrent = _spec;
        // At the end, so no diagnostic moves: the whole spec reports information (a keyword parameter), and a diagnostic
        // one line lower is a changed result.
        _whitespaceOther = new InMemoryAdditionalText(GeneratorInputs.BundledSpecPath, text + "\n\n# edited\n");
        _whitespaceDriver = GeneratorInputs.CreateDriver(_whitespaceCurrent, Namespace, ClientName).RunGenerators(_compilation);

        // An edit that changes the model (a maxItems): parsed and emitted again.
        _semanticCurrent = _spec;
        _semanticOther = new InMemoryAdditionalText(GeneratorInputs.BundledSpecPath, text.Replace("maxItems: 20", "maxItems: 19"));
        _semanticDriver = GeneratorInputs.CreateDriver(_semanticCurrent, Namespace, ClientName).RunGenerators(_compilation);

        _unrelatedDriver = GeneratorInputs.CreateDriver(_spec, Namespace, ClientName).RunGenerators(_compilation);

        Verify();
    }

    /// <summary>A fresh driver's first run: read, parse, emit (the first build, or opening the project).</summary>
    [Benchmark]
    public GeneratorDriver Cold() =>
        GeneratorInputs.CreateDriver(_spec, Namespace, ClientName).RunGenerators(_compilation);

    /// <summary>The run after a whitespace-only spec edit: the spec is parsed again; the equal model stops the pipeline.</summary>
    [Benchmark]
    public GeneratorDriver Warm_WhitespaceEdit()
    {
        _whitespaceDriver = _whitespaceDriver.ReplaceAdditionalText(_whitespaceCurrent, _whitespaceOther).RunGenerators(_compilation);
        (_whitespaceCurrent, _whitespaceOther) = (_whitespaceOther, _whitespaceCurrent);
        return _whitespaceDriver;
    }

    /// <summary>The run after an edit that changes the client (a <c>maxItems</c>): parsed and emitted again.</summary>
    [Benchmark]
    public GeneratorDriver Warm_SemanticEdit()
    {
        _semanticDriver = _semanticDriver.ReplaceAdditionalText(_semanticCurrent, _semanticOther).RunGenerators(_compilation);
        (_semanticCurrent, _semanticOther) = (_semanticOther, _semanticCurrent);
        return _semanticDriver;
    }

    /// <summary>The run after a C# edit elsewhere in the project: every spec step is cached.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit()
    {
        _unrelatedEdited = !_unrelatedEdited;
        _unrelatedDriver = _unrelatedDriver.RunGenerators(_unrelatedEdited ? _editedCompilation : _compilation);
        return _unrelatedDriver;
    }

    /// <summary>Each benchmark's scenario, replayed on drivers that track their steps: it does what it says.</summary>
    private void Verify()
    {
        var original = _spec;
        var whitespace = _whitespaceOther;
        var semantic = _semanticOther;

        var cold = GeneratorInputs.CreateDriver(original, Namespace, ClientName, track: true).RunGenerators(_compilation);
        GeneratorInputs.CheckGenerated(cold, Member);

        var spaced = cold.ReplaceAdditionalText(original, whitespace).RunGenerators(_compilation);
        GeneratorInputs.CheckStep(spaced, TrackingNames.SpecFiles, IncrementalStepRunReason.Modified);
        GeneratorInputs.CheckStep(spaced, TrackingNames.Parsed, IncrementalStepRunReason.Unchanged);
        GeneratorInputs.CheckOutputs(spaced, IncrementalStepRunReason.Cached);
        GeneratorInputs.CheckGenerated(spaced, Member);

        var changed = GeneratorInputs.CreateDriver(original, Namespace, ClientName, track: true).RunGenerators(_compilation)
            .ReplaceAdditionalText(original, semantic).RunGenerators(_compilation);
        GeneratorInputs.CheckStep(changed, TrackingNames.Parsed, IncrementalStepRunReason.Modified);
        GeneratorInputs.CheckStep(changed, TrackingNames.Models, IncrementalStepRunReason.Modified);
        GeneratorInputs.CheckGenerated(changed, "\"target_ids\", 19, __result");

        var unrelated = GeneratorInputs.CreateDriver(original, Namespace, ClientName, track: true).RunGenerators(_compilation)
            .RunGenerators(_editedCompilation);
        foreach (var step in new[] { TrackingNames.SpecItems, TrackingNames.SpecFiles, TrackingNames.Parsed, TrackingNames.Models, TrackingNames.Diagnostics })
        {
            GeneratorInputs.CheckStep(unrelated, step, IncrementalStepRunReason.Cached);
        }

        GeneratorInputs.CheckOutputs(unrelated, IncrementalStepRunReason.Cached);
    }
}
