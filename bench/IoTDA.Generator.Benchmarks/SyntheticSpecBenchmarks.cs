using BenchmarkDotNet.Attributes;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// The generator on synthetic specs of 100, 1,000 and 2,000 operations (<see cref="SyntheticSpec"/>), on a driver
/// that has run: each invocation hands it changed spec text, so the spec is read and parsed again.
/// </summary>
[MemoryDiagnoser]
public class SyntheticSpecBenchmarks
{
    private const string Path = "/repo/specs/synthetic.openapi.yaml";

    private CSharpCompilation _compilation = null!;

    private GeneratorDriver _regenerateDriver = null!;
    private AdditionalText _regenerateCurrent = null!;
    private AdditionalText _regenerateOther = null!;

    private GeneratorDriver _whitespaceDriver = null!;
    private AdditionalText _whitespaceCurrent = null!;
    private AdditionalText _whitespaceOther = null!;

    [Params(100, 1000, 2000)]
    public int Operations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorInputs.CreateCompilation("namespace Consumer { public class A { } }");
        var text = SyntheticSpec.Build(Operations);

        // The title reaches the client's XML docs: parsed and emitted again, the full cost of a regeneration.
        _regenerateCurrent = new InMemoryAdditionalText(Path, text);
        _regenerateOther = new InMemoryAdditionalText(Path, SyntheticSpec.Build(Operations, "Synthetic API, edited"));
        _regenerateDriver = CreateDriver(_regenerateCurrent).RunGenerators(_compilation);

        // Whitespace only: parsed again, the equal model stops the pipeline.
        _whitespaceCurrent = new InMemoryAdditionalText(Path, text);
        _whitespaceOther = new InMemoryAdditionalText(Path, text + "\n# edited\n");
        _whitespaceDriver = CreateDriver(_whitespaceCurrent).RunGenerators(_compilation);

        Verify();
    }

    /// <summary>Parse and emit: what a build or the IDE pays when the spec's meaning changes.</summary>
    [Benchmark]
    public GeneratorDriver Warm_Regenerate()
    {
        _regenerateDriver = _regenerateDriver.ReplaceAdditionalText(_regenerateCurrent, _regenerateOther).RunGenerators(_compilation);
        (_regenerateCurrent, _regenerateOther) = (_regenerateOther, _regenerateCurrent);
        return _regenerateDriver;
    }

    /// <summary>Parse only: a whitespace edit, the model compares equal and nothing is emitted.</summary>
    [Benchmark]
    public GeneratorDriver Warm_WhitespaceEdit()
    {
        _whitespaceDriver = _whitespaceDriver.ReplaceAdditionalText(_whitespaceCurrent, _whitespaceOther).RunGenerators(_compilation);
        (_whitespaceCurrent, _whitespaceOther) = (_whitespaceOther, _whitespaceCurrent);
        return _whitespaceDriver;
    }

    private static GeneratorDriver CreateDriver(AdditionalText spec, bool track = false) =>
        GeneratorInputs.CreateDriver(spec, SyntheticSpec.Namespace, SyntheticSpec.ClientName, track);

    private void Verify()
    {
        var first = CreateDriver(_regenerateCurrent, track: true).RunGenerators(_compilation);
        GeneratorInputs.CheckGenerated(first, SyntheticSpec.LastMethod(Operations));

        var regenerated = first.ReplaceAdditionalText(_regenerateCurrent, _regenerateOther).RunGenerators(_compilation);
        GeneratorInputs.CheckStep(regenerated, TrackingNames.Parsed, IncrementalStepRunReason.Modified);
        GeneratorInputs.CheckStep(regenerated, TrackingNames.Models, IncrementalStepRunReason.Modified);
        GeneratorInputs.CheckGenerated(regenerated, "Synthetic API, edited");

        var spaced = CreateDriver(_whitespaceCurrent, track: true).RunGenerators(_compilation)
            .ReplaceAdditionalText(_whitespaceCurrent, _whitespaceOther).RunGenerators(_compilation);
        GeneratorInputs.CheckStep(spaced, TrackingNames.Parsed, IncrementalStepRunReason.Unchanged);
        GeneratorInputs.CheckOutputs(spaced, IncrementalStepRunReason.Cached);
    }
}
