using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Testing;

/// <summary>Drives the IoTDA generator outside any compiler, over specs held in memory.</summary>
public static class InMemoryGenerator
{
    /// <summary>The build properties of a project named Consumer that sets nothing else.</summary>
    public static IReadOnlyDictionary<string, string> ConsumerProject { get; } =
        new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" };

    /// <summary>
    /// A driver over <paramref name="specs"/>; <paramref name="globalOptions"/> defaults to <see cref="ConsumerProject"/>.
    /// Step tracking costs time and memory, so it is on only when a caller reads the run reasons.
    /// </summary>
    public static CSharpGeneratorDriver CreateDriver(
        IEnumerable<SpecInput> specs,
        CSharpParseOptions parseOptions,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool trackSteps = false)
    {
        var inputs = specs.ToArray();
        return CSharpGeneratorDriver.Create(
            new[] { new IoTDAGenerator().AsSourceGenerator() },
            inputs.Select(spec => spec.File),
            parseOptions,
            new SpecOptionsProvider(inputs, globalOptions ?? ConsumerProject),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>One run over <paramref name="compilation"/>: the run's results and the compilation with the generated trees added.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Run(
        IEnumerable<SpecInput> specs,
        Compilation compilation,
        CSharpParseOptions parseOptions,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool trackSteps = false)
    {
        var driver = CreateDriver(specs, parseOptions, globalOptions, trackSteps).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }
}
