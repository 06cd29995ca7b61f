using System;
using Microsoft.Extensions.Logging;

namespace IoTDA.Runtime;

/// <summary>Log lines name the operation, method, path, status, duration and request ID; never a header or key.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, string, string, int, double, string?, Exception?> Completed =
        LoggerMessage.Define<string, string, string, int, double, string?>(
            LogLevel.Information,
            new EventId(1, "IoTDACallCompleted"),
            "IoTDA {OperationId} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (request ID {RequestId})");

    private static readonly Action<ILogger, string, string, string, double, string, Exception?> Failed =
        LoggerMessage.Define<string, string, string, double, string>(
            LogLevel.Warning,
            new EventId(2, "IoTDACallFailed"),
            "IoTDA {OperationId} {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms: {Reason}");

    private static readonly Action<ILogger, string, int, double, string, Exception?> Retrying =
        LoggerMessage.Define<string, int, double, string>(
            LogLevel.Warning,
            new EventId(3, "IoTDARetrying"),
            "IoTDA {OperationId} attempt {Attempt} will be retried in {DelayMilliseconds:0} ms: {Reason}");

    private static readonly Action<ILogger, string, double, Exception?> ClockSkew =
        LoggerMessage.Define<string, double>(
            LogLevel.Warning,
            new EventId(4, "IoTDAClockSkew"),
            "IoTDA {OperationId}: the gateway said the signature expired; correcting the clock by {OffsetSeconds:0} s and signing again");

    internal static void CallCompleted(ILogger logger, string operationId, string method, string path, int status, TimeSpan elapsed, string? requestId) =>
        Completed(logger, operationId, method, path, status, elapsed.TotalMilliseconds, requestId, null);

    internal static void CallFailed(ILogger logger, string operationId, string method, string path, TimeSpan elapsed, string reason) =>
        Failed(logger, operationId, method, path, elapsed.TotalMilliseconds, reason, null);

    internal static void RetryScheduled(ILogger logger, string operationId, int attempt, TimeSpan delay, string reason) =>
        Retrying(logger, operationId, attempt, delay.TotalMilliseconds, reason, null);

    internal static void ClockSkewCorrected(ILogger logger, string operationId, TimeSpan offset) =>
        ClockSkew(logger, operationId, offset.TotalSeconds, null);
}
