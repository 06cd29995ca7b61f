using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IoTDA.Runtime;

/// <summary>
/// Builds the Polly pipeline around each attempt, outermost first: total timeout, retries with back-off, one
/// re-sign after a clock-skew rejection, per-attempt timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    internal static readonly ResiliencePropertyKey<IoTDARequest> RequestKey = new("IoTDA.Request");

    internal static ResiliencePipeline<AttemptResult> Create(PipelineSettings settings, RequestSigner signer, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = settings.TimeProvider };
        builder.AddTimeout(settings.Timeout);
        if (settings.Retry.MaxRetries > 0)
        {
            builder.AddRetry(TransientRetry(settings.Retry, logger));
        }

        if (settings.SignsRequests)
        {
            builder.AddStrategy(_ => new ClockSkewStrategy(signer, settings.TimeProvider, logger));
        }

        // An attempt limit as long as the whole call's would never fire first: leave it out and save a timer.
        if (settings.AttemptTimeout < settings.Timeout)
        {
            builder.AddTimeout(settings.AttemptTimeout);
        }

        return builder.Build();
    }

    private static RetryStrategyOptions<AttemptResult> TransientRetry(IoTDARetryOptions retry, ILogger logger) => new()
    {
        Name = "IoTDA.TransientRetry",
        MaxRetryAttempts = retry.MaxRetries,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        // A 2xx is never retried: answered without looking the request up in the context, as most calls are.
        ShouldHandle = arguments => new ValueTask<bool>(
            arguments.Outcome.Result is not { IsSuccess: true } && IsTransient(arguments.Outcome, MayResend(arguments.Context, retry))),
        DelayGenerator = arguments => new ValueTask<TimeSpan?>(RetryAfter(arguments.Outcome.Result, retry.MaxDelay)),
        OnRetry = arguments =>
        {
            Log.RetryScheduled(
                logger, arguments.Context.Properties.GetValue(RequestKey, null!).OperationId, arguments.AttemptNumber + 1,
                arguments.RetryDelay, Describe(arguments.Outcome));
            return default;
        },
    };

    private static bool MayResend(ResilienceContext context, IoTDARetryOptions retry) =>
        retry.RetryNonIdempotentRequests || context.Properties.GetValue(RequestKey, null!).IsIdempotent;

    internal static bool IsTransient(Outcome<AttemptResult> outcome, bool mayResend)
    {
        switch (outcome.Exception)
        {
            case HttpRequestException exception:
                return mayResend || NeverReachedServer(exception);
            case TimeoutRejectedException:
                return mayResend;

            // The body ended early (a reset or a cut connection): the request reached the server, like a timeout.
            case IOException:
                return mayResend;
            case not null:
                return false;
        }

        var status = (int)outcome.Result!.Response.StatusCode;
        return status == 429 || (mayResend && status is 502 or 503 or 504);
    }

    /// <summary>A connection that failed before any byte of the request was sent: safe to resend even a POST.</summary>
    internal static bool NeverReachedServer(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return true;
        }
#endif
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }

    private static TimeSpan? RetryAfter(AttemptResult? result, TimeSpan maxDelay)
    {
        var retryAfter = result?.Response.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - (result!.Response.Headers.Date ?? DateTimeOffset.UtcNow) : (TimeSpan?)null);
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > maxDelay ? maxDelay : delay.Value;
    }

    private static string Describe(Outcome<AttemptResult> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name + ": " + exception.Message
            : "HTTP " + ((int)outcome.Result!.Response.StatusCode).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The options a pipeline is built from, copied when the client is made: the build may run later, on another
/// thread, and must see what the caller passed, whatever the caller changes afterwards.
/// </summary>
internal sealed class PipelineSettings
{
    internal PipelineSettings(IoTDAClientOptions options)
    {
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout;
        TimeProvider = options.TimeProvider;
        SignsRequests = options.Credentials is AkSkCredentials or AkSkCredentialsProvider;
        Retry = new IoTDARetryOptions
        {
            MaxRetries = options.Retry.MaxRetries,
            BaseDelay = options.Retry.BaseDelay,
            MaxDelay = options.Retry.MaxDelay,
            RetryNonIdempotentRequests = options.Retry.RetryNonIdempotentRequests,
        };
    }

    internal TimeSpan Timeout { get; }

    internal TimeSpan AttemptTimeout { get; }

    internal TimeProvider TimeProvider { get; }

    internal bool SignsRequests { get; }

    internal IoTDARetryOptions Retry { get; }
}
