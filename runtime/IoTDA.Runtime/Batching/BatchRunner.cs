using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// (<see cref="IoTDAApiException"/>) fails each of its IDs with the error's code (else the HTTP status) and message;
    /// the other batches still run. Cancellation is checked before each batch.
    /// </summary>
    /// <param name="ids">The IDs; duplicates are dropped, the first occurrence kept.</param>
    /// <param name="shape">The batch size and where the answers carry their outcome.</param>
    /// <param name="sendBatch">Sends one batch with the caller's other arguments.</param>
    /// <param name="merge">
    /// Builds the merged result from the first answer (null when no batch was answered), the IDs that succeeded and
    /// the failures, in input order.
    /// </param>
    /// <param name="progress">Told after each batch how far the run has come.</param>
    /// <param name="cancellationToken">Stops the run before the next batch.</param>
    public static async Task<TResult> RunAsync<TResult, TFailure>(
        IEnumerable<string> ids,
        BatchShape<TResult, TFailure> shape,
        Func<IReadOnlyList<string>, CancellationToken, Task<TResult>> sendBatch,
        Func<TResult?, IReadOnlyList<string>, IReadOnlyList<TFailure>, TResult> merge,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken)
        where TResult : class
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }

        IoTDAValidation.Required(ids, shape.IdsName);
        var collector = new BatchCollector(ids, shape.BatchSize, shape.IdsName);
        TResult? first = null;
        foreach (var batch in collector.Batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
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

            progress?.Report(collector.Progress());
        }

        var failures = new TFailure[collector.Failed.Count];
        for (var i = 0; i < failures.Length; i++)
        {
            failures[i] = shape.WriteFailure(collector.Failed[i]);
        }

        return merge(first, collector.Succeeded, failures);
    }
}
