using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Emulator;
using IoTDA.Runtime;

namespace IoTDA.QuickStart;

/// <summary>
/// The whole product in one run: a client generated from the spec, signed calls, a product with 48 devices, a policy
/// that 45 of them are bound to in batches of 20, an unbind of those plus 3 never bound and 1 that does not exist,
/// the per-target results, and everything it created deleted again.
/// </summary>
internal static class Program
{
    public static async Task<int> Main()
    {
        var stopwatch = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            var target = ServiceTarget.FromEnvironment();

            // Strict targets: the emulator binds only devices that were created, as the service does.
            await using var emulator = target is null
                ? await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { StrictTargets = true }, cancellation.Token)
                : null;
            target ??= ServiceTarget.From(emulator!);
            Console.WriteLine($"IoTDA quick start against {target.Description}");

            using var httpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            var client = new IoTDAClient(httpClient, target.Options);
            await new Walkthrough(client).RunAsync(cancellation.Token);
            Console.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
            return 0;
        }
        catch (IoTDAApiException exception)
        {
            return Fail($"the service answered HTTP {(int)exception.StatusCode} {exception.ErrorCode}: {exception.ErrorMessage ?? exception.Message} (request ID {exception.RequestId ?? "none"})");
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled.");
        }
        catch (Exception exception) when (exception is IoTDAException or ArgumentException or InvalidOperationException or TimeoutException or HttpRequestException or System.IO.IOException)
        {
            return Fail(exception.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("Quick start failed: " + message);
        return 1;
    }
}
