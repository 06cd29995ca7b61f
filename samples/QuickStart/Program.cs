using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Emulator;
using IoTDA.Runtime;

namespace IoTDA.QuickStart;

/// <summary>
/// The whole product in one run: a client generated from the spec, signed calls, a policy created, 45 devices bound
/// and 48 unbound in batches of 20 with per-target results, and the policy deleted again.
/// </summary>
internal static class Program
{
    private const string ProductId = "64a7ba7ef9cb063d27e16b97";
    private const int DeviceCount = 45;
    private const int NeverBoundCount = 3;

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
            await using var emulator = target is null ? await IoTDAEmulator.StartAsync(cancellationToken: cancellation.Token) : null;
            target ??= ServiceTarget.From(emulator!);
            Console.WriteLine($"IoTDA quick start against {target.Description}");

            using var httpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            var client = new IoTDAClient(httpClient, target.Options);
            await RunAsync(client, cancellation.Token);
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

    private static async Task RunAsync(IoTDAClient client, CancellationToken cancellationToken)
    {
        var policyName = "quickstart_" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var policy = await client.CreateDevicePolicyAsync(
            new CreateDevicePolicyRequestBody
            {
                PolicyName = policyName,
                Statement = new[]
                {
                    new DevicePolicyStatement
                    {
                        Effect = Effect.Allow,
                        Actions = new[] { "iotda:devices:publish", "iotda:devices:subscribe" },
                        Resources = new[] { "topic:/v1/${devices.deviceId}/test/hello" },
                    },
                },
            },
            cancellationToken: cancellationToken);
        var policyId = policy.PolicyId ?? throw new InvalidOperationException("The service created a policy but sent back no policy_id.");
        Console.WriteLine($"Created policy {policy.PolicyName} ({policyId}).");

        try
        {
            var devices = Enumerable.Range(1, DeviceCount).Select(DeviceId).ToArray();
            var neverBound = Enumerable.Range(1, NeverBoundCount).Select(index => DeviceId(900 + index)).ToArray();

            Console.WriteLine($"Binding {devices.Length} devices, 20 per call:");
            var bound = await client.BindDevicePolicyInBatchesAsync(
                policyId, TargetType.Device, devices, new ConsoleProgress(), cancellationToken: cancellationToken);

            var listed = 0;
            await foreach (var _ in client.ShowTargetsInDevicePolicyAllAsync(policyId, TargetType.Device, limit: 50, cancellationToken: cancellationToken))
            {
                listed++;
            }

            Console.WriteLine($"The policy now lists {listed} bound devices.");

            var toUnbind = devices.Concat(neverBound).ToArray();
            Console.WriteLine($"Unbinding {toUnbind.Length} devices ({devices.Length} bound, {neverBound.Length} never bound), 20 per call:");
            var unbound = await client.UnbindDevicePolicyInBatchesAsync(
                policyId, TargetType.Device, toUnbind, new ConsoleProgress(), cancellationToken: cancellationToken);

            Console.WriteLine();
            PrintSummary(("bind", devices.Length, bound), ("unbind", toUnbind.Length, unbound));
        }
        finally
        {
            // Runs on failure too, so the quick start never leaves a policy behind; not cancellable for the same reason.
            await client.DeleteDevicePolicyAsync(policyId, cancellationToken: CancellationToken.None);
            Console.WriteLine($"Deleted policy {policyId}.");
        }
    }

    private static string DeviceId(int index) => ProductId + "_quickstart-" + index.ToString("000", CultureInfo.InvariantCulture);

    private static void PrintSummary(params (string Step, int Sent, DevicePolicyBindOrUnbindResult Outcome)[] steps)
    {
        Console.WriteLine("step    sent  succeeded  failed");
        foreach (var (step, sent, outcome) in steps)
        {
            Console.WriteLine($"{step,-6}  {sent,4}  {outcome.SuccessTargets.Count,9}  {outcome.FailureTargets.Count,6}");
        }

        var failures = steps.SelectMany(step => step.Outcome.FailureTargets.Select(failure => (step.Step, failure))).ToList();
        if (failures.Count == 0)
        {
            Console.WriteLine("No target failed.");
            return;
        }

        var idWidth = Math.Max("target".Length, failures.Max(item => item.failure.TargetId?.Length ?? 0));
        var codeWidth = Math.Max("code".Length, failures.Max(item => item.failure.ErrorCode?.Length ?? 0));
        Console.WriteLine();
        Console.WriteLine($"{"step",-6}  {"target".PadRight(idWidth)}  {"code".PadRight(codeWidth)}  message");
        foreach (var (step, failure) in failures)
        {
            Console.WriteLine($"{step,-6}  {(failure.TargetId ?? "?").PadRight(idWidth)}  {(failure.ErrorCode ?? "?").PadRight(codeWidth)}  {failure.ErrorMsg}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("Quick start failed: " + message);
        return 1;
    }

    /// <summary>Writes each report as it comes, on the caller's thread, so lines keep their order.</summary>
    private sealed class ConsoleProgress : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) =>
            Console.WriteLine($"  batch {value.CompletedBatches}/{value.TotalBatches}: {value.CompletedItems}/{value.TotalItems} IDs done, {value.SucceededItems} succeeded, {value.FailedItems} failed");
    }
}
