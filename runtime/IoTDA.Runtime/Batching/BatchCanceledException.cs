using System;
using System.Threading;

namespace IoTDA.Runtime;

/// <summary>
/// A batched call (<c>...InBatchesAsync</c>) was cancelled. Batches before it may have been applied, so the exception
/// carries the merged result so far, which names every ID: succeeded, failed, outcome unknown (the batch under way)
/// or not sent.
/// </summary>
/// <remarks>
/// Not generic on purpose: one <c>catch (BatchCanceledException)</c> serves every batched operation, and a
/// <c>catch (OperationCanceledException)</c> that knows nothing of batching still sees it.
/// <see cref="GetPartialResult{TResult}"/> gives the result in the operation's own type.
/// </remarks>
public sealed class BatchCanceledException : OperationCanceledException
{
    public BatchCanceledException(string message, object partialResult, BatchProgress progress, Exception? innerException, CancellationToken cancellationToken)
        : base(message, innerException, cancellationToken)
    {
        PartialResult = partialResult ?? throw new ArgumentNullException(nameof(partialResult));
        Progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>The merged result so far, of the operation's response type.</summary>
    public object PartialResult { get; }

    /// <summary>How far the run had come when it was cancelled; the batch under way is not counted.</summary>
    public BatchProgress Progress { get; }

    /// <summary>The partial result as the operation's response type, e.g. <c>DevicePolicyBindOrUnbindResult</c>.</summary>
    /// <exception cref="InvalidCastException">The result is of another type; the message names both.</exception>
    public TResult GetPartialResult<TResult>()
        where TResult : class =>
        PartialResult as TResult
        ?? throw new InvalidCastException($"The partial result is a {PartialResult.GetType().FullName}, not a {typeof(TResult).FullName}.");
}
