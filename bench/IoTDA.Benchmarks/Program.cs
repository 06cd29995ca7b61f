using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace IoTDA.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [FirstCall.Argument, var variant])
        {
            return await FirstCall.RunAsync(variant).ConfigureAwait(false);
        }

        RunBenchmarks(args);
        return 0;
    }

    /// <summary>Kept out of <see cref="Main"/> so a cold-start run never loads BenchmarkDotNet.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunBenchmarks(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
