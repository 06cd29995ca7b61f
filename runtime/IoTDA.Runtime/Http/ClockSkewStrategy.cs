using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;

namespace IoTDA.Runtime;

/// <summary>
/// The one re-sign after a "signature expired" answer (docs/signing.md, section 7): the gateway's clock becomes the
/// signer's offset and the attempt runs once more, at once. A strategy of its own rather than Polly's retry with one
/// attempt and no delay: that does the same here but, with its predicate, back-off and telemetry plumbing, costs
/// every call that succeeds at once about as much as the per-attempt timeout.
/// </summary>
internal sealed class ClockSkewStrategy : ResilienceStrategy<AttemptResult>
{
    private readonly RequestSigner _signer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ClockSkewStrategy(RequestSigner signer, TimeProvider time, ILogger logger)
    {
        _signer = signer;
        _time = time;
        _logger = logger;
    }

    protected override async ValueTask<Outcome<AttemptResult>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<AttemptResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await AttemptAsync(callback, context, state).ConfigureAwait(context.ContinueOnCapturedContext);

        // As Polly's retry, a cancelled call is not tried again: its outcome goes up as it is.
        if (context.CancellationToken.IsCancellationRequested || ClockSkew.ServerTime(outcome.Result) is not { } serverTime)
        {
            return outcome;
        }

        var offset = serverTime - _time.GetUtcNow();
        _signer.ClockOffset = offset;
        Log.ClockSkewCorrected(_logger, context.Properties.GetValue(ResiliencePipelineFactory.RequestKey, null!).OperationId, offset);
        outcome.Result!.Dispose();
        return await AttemptAsync(callback, context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }

    /// <summary>
    /// An attempt, as Polly's own strategies run their callbacks: not started once the call is cancelled, a failure
    /// handed on as an outcome, and no state machine when the attempt completes at once.
    /// </summary>
    private static ValueTask<Outcome<AttemptResult>> AttemptAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<AttemptResult>>> callback, ResilienceContext context, TState state)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return new(Outcome.FromException<AttemptResult>(new OperationCanceledException(context.CancellationToken)));
        }

        try
        {
            var attempt = callback(context, state);
            return attempt.IsCompleted ? new(attempt.Result) : AwaitAsync(attempt, context.ContinueOnCapturedContext);
        }
        catch (Exception exception)
        {
            return new(Outcome.FromException<AttemptResult>(exception));
        }
    }

    private static async ValueTask<Outcome<AttemptResult>> AwaitAsync(ValueTask<Outcome<AttemptResult>> attempt, bool continueOnCapturedContext)
    {
        try
        {
            return await attempt.ConfigureAwait(continueOnCapturedContext);
        }
        catch (Exception exception)
        {
            return Outcome.FromException<AttemptResult>(exception);
        }
    }
}
