using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// Runs a generated <c>...InBatchesAsync</c> method: splits the IDs, sends one call per batch, one after another, and
/// merges the answers so that every distinct ID ends up exactly once, succeeded or failed with a reason.
/// </summary>
public static class BatchRunner
{
    /// <summary>
    /// Sends every batch through <paramref name="sendBatch"/>. A batch the service rejects as a whole
    /// (<see cref="IoTDAApiException"/>) fails each of its IDs with the error's code (else the HTTP status) and message.
    /// A batch without a usable answer (an unreadable response, a lost connection, a timeout) fails each of its IDs
    /// with <see cref="BatchCollector.OutcomeUnknownErrorCode"/>: the service may have applied it. The run goes on
    /// with the next batch unless <see cref="IoTDAClientOptions.StopBatchesAtUnknownOutcome"/> is set; then the IDs
    /// never sent fail with <see cref="BatchCollector.NotSentErrorCode"/>. Cancellation throws a
    /// <see cref="BatchCanceledException"/> whose partial result names every ID the same way.
    /// </summary>
    /// <param name="ids">The IDs; duplicates are dropped, the first occurrence kept.</param>
    /// <param name="shape">The batch size and where the answers carry their outcome.</param>
    /// <param name="sendBatch">Sends one batch with the caller's other arguments.</param>
    /// <param name="merge">
    /// Builds the merged result from the first answer (null when no batch was answered), the IDs that succeeded and
    /// the failures, in input order.
    /// </param>
    /// <param name="options">The client's options; null reads as the defaults.</param>
    /// <param name="progress">Told after each batch how far the run has come.</param>
    /// <param name="cancellationToken">Stops the run: the batch under way is cancelled, no other is sent.</param>
    public static async Task<TResult> RunAsync<TResult, TFailure>(
        IEnumerable<string> ids,
        BatchShape<TResult, TFailure> shape,
        Func<IReadOnlyList<string>, CancellationToken, Task<TResult>> sendBatch,
        Func<TResult?, IReadOnlyList<string>, IReadOnlyList<TFailure>, TResult> merge,
        IoTDAClientOptions? options,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken)
        where TResult : class
    {
        if (shape is null || sendBatch is null || merge is null)
        {
            throw new ArgumentNullException(shape is null ? nameof(shape) : sendBatch is null ? nameof(sendBatch) : nameof(merge));
        }

        var collector = new BatchCollector(ids, shape.BatchSize, shape.IdsName);
        var stopAtUnknownOutcome = options?.StopBatchesAtUnknownOutcome ?? false;
        TResult? first = null;
        for (var next = 0; next < collector.Batches.Count; next++)
        {
            var batch = collector.Batches[next];
            if (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(collector, next, null, null, shape, merge, first, cancellationToken);
            }

            try
            {
                var answer = await sendBatch(batch, cancellationToken).ConfigureAwait(false);
                first ??= answer;
                collector.AddResult(batch, shape.Succeeded(answer), shape.Failed(answer), shape.FailureId, shape.FailureCode, shape.FailureMessage);
            }
            catch (IoTDAApiException exception)
            {
                var code = exception.ErrorCode ?? ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture);
                collector.AddFailure(batch, code, exception.ErrorMessage ?? exception.Message);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(collector, next + 1, batch, exception, shape, merge, first, cancellationToken);
            }
            catch (Exception exception) when (IsOutcomeUnknown(exception))
            {
                collector.AddFailure(batch, BatchCollector.OutcomeUnknownErrorCode, BatchCollector.OutcomeUnknownErrorMessage + " " + Cause(exception));
                if (stopAtUnknownOutcome)
                {
                    progress?.Report(collector.Progress());
                    MarkNotSent(collector, next + 1);
                    break;
                }
            }

            progress?.Report(collector.Progress());
        }

        return Merge(collector, shape, merge, first);
    }

    /// <summary>
    /// The failures after which nobody can tell whether the service applied the call: the answer was lost, cut off
    /// or unreadable, or the attempt (or the HttpClient's own timeout, which surfaces as a cancellation the caller
    /// did not ask for) ran out of time. Argument errors stay exceptions: they are the caller's to fix.
    /// </summary>
    private static bool IsOutcomeUnknown(Exception exception) =>
        exception is IoTDAException or TimeoutException or HttpRequestException or IOException or OperationCanceledException;

    private static string Cause(Exception exception) => "(" + exception.GetType().Name + ": " + exception.Message + ")";

    private static void MarkNotSent(BatchCollector collector, int firstNotSent)
    {
        for (var i = firstNotSent; i < collector.Batches.Count; i++)
        {
            collector.AddFailure(collector.Batches[i], BatchCollector.NotSentErrorCode, BatchCollector.NotSentErrorMessage);
        }
    }

    /// <summary>The exception for a cancelled run; its partial result names the batch under way and those never sent.</summary>
    private static BatchCanceledException Canceled<TResult, TFailure>(
        BatchCollector collector,
        int firstNotSent,
        IReadOnlyList<string>? underWay,
        OperationCanceledException? cause,
        BatchShape<TResult, TFailure> shape,
        Func<TResult?, IReadOnlyList<string>, IReadOnlyList<TFailure>, TResult> merge,
        TResult? first,
        CancellationToken cancellationToken)
        where TResult : class
    {
        var progress = collector.Progress();
        if (underWay is not null)
        {
            collector.AddFailure(underWay, BatchCollector.OutcomeUnknownErrorCode, BatchCollector.OutcomeUnknownErrorMessage + " (cancelled by the caller while under way)");
        }

        MarkNotSent(collector, firstNotSent);
        return new BatchCanceledException(
            $"The batched call was cancelled after {progress}; the partial result names every ID.",
            Merge(collector, shape, merge, first),
            progress,
            cause,
            cancellationToken);
    }

    private static TResult Merge<TResult, TFailure>(
        BatchCollector collector,
        BatchShape<TResult, TFailure> shape,
        Func<TResult?, IReadOnlyList<string>, IReadOnlyList<TFailure>, TResult> merge,
        TResult? first)
        where TResult : class
    {
        var failures = new TFailure[collector.Failed.Count];
        for (var i = 0; i < failures.Length; i++)
        {
            failures[i] = shape.WriteFailure(collector.Failed[i]);
        }

        return merge(first, collector.Succeeded, failures);
    }
}
