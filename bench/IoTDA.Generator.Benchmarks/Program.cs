using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;

namespace IoTDA.Generator.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher, plus three commands for <c>compare-cli.sh</c>:
    /// <c>write-spec OPERATIONS FILE</c> writes the synthetic spec;
    /// <c>generate SPEC DIR</c> runs the generator once in this fresh process and writes the generated files;
    /// <c>time SPEC [RUNS]</c> prints the first run's and the median warm regeneration's milliseconds.
    /// </summary>
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "write-spec" when args.Length == 3:
                File.WriteAllText(args[2], SyntheticSpec.Build(int.Parse(args[1], CultureInfo.InvariantCulture)));
                return 0;
            case "generate" when args.Length == 3:
                return Generate(args[1], args[2]);
            case "time" when args.Length is 2 or 3:
                return Time(args[1], args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    private static int Generate(string specPath, string outputDirectory)
    {
        var spec = new InMemoryAdditionalText(Path.GetFullPath(specPath), File.ReadAllText(specPath));
        var driver = GeneratorInputs.CreateDriver(spec, SyntheticSpec.Namespace, SyntheticSpec.ClientName)
            .RunGenerators(GeneratorInputs.CreateCompilation("namespace Consumer { public class A { } }"));
        var result = driver.GetRunResult().Results.Single();
        Directory.CreateDirectory(outputDirectory);
        foreach (var source in result.GeneratedSources)
        {
            File.WriteAllText(Path.Combine(outputDirectory, source.HintName), source.SourceText.ToString());
        }

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"{result.GeneratedSources.Length} files, {errors} errors");
        return errors == 0 && result.Exception is null && result.GeneratedSources.Length > 0 ? 0 : 1;
    }

    private static int Time(string specPath, int runs)
    {
        var path = Path.GetFullPath(specPath);
        var text = File.ReadAllText(specPath);
        var compilation = GeneratorInputs.CreateCompilation("namespace Consumer { public class A { } }");
        var current = new InMemoryAdditionalText(path, text);
        var other = new InMemoryAdditionalText(path, text.Replace("title: Synthetic API", "title: Synthetic API, edited"));

        var stopwatch = Stopwatch.StartNew();
        var driver = GeneratorInputs.CreateDriver(current, SyntheticSpec.Namespace, SyntheticSpec.ClientName).RunGenerators(compilation);
        var first = stopwatch.Elapsed.TotalMilliseconds;
        GeneratorInputs.CheckGenerated(driver, "Async(");

        var warm = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            stopwatch.Restart();
            driver = driver.ReplaceAdditionalText(current, other).RunGenerators(compilation);
            warm[i] = stopwatch.Elapsed.TotalMilliseconds;
            (current, other) = (other, current);
        }

        Array.Sort(warm);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:F1} {1:F1}", first, warm[runs / 2]));
        return 0;
    }
}
