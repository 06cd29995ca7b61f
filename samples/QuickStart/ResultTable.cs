using System;
using System.Linq;

namespace IoTDA.QuickStart;

/// <summary>The per-step counts, then every target that failed with the service's code and message.</summary>
internal static class ResultTable
{
    public static void Print(params (string Step, int Sent, DevicePolicyBindOrUnbindResult Outcome)[] steps)
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
}
