using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>One ID a batched call could not process, with the service's (or the SDK's) reason.</summary>
public sealed class BatchFailure
{
    public BatchFailure(string id, string? code, string? message)
    {
        Id = id;
        Code = code;
        Message = message;
    }

    public string Id { get; }

    public string? Code { get; }

    public string? Message { get; }
}

/// <summary>
/// Splits IDs into batches and merges the per-batch results for generated <c>...InBatchesAsync</c> methods, so that
/// every distinct input ID ends up exactly once: succeeded, or failed with a reason.
/// </summary>
public sealed class BatchCollector
{
    /// <summary>The code given to an ID the service reported neither as succeeded nor as failed.</summary>
    public const string NotReportedErrorCode = "IOTDA.SDK.NOT_REPORTED";

    /// <summary>The message that goes with <see cref="NotReportedErrorCode"/>.</summary>
    public const string NotReportedErrorMessage = "The service reported neither success nor failure for this ID.";

    /// <summary>
    /// The code given to the IDs of a batch that got no usable answer (an unreadable response, a lost connection, a
    /// timeout): the service may have applied the call, so check it before sending such an ID again.
    /// </summary>
    public const string OutcomeUnknownErrorCode = "IOTDA.SDK.OUTCOME_UNKNOWN";

    /// <summary>The message that goes with <see cref="OutcomeUnknownErrorCode"/>; the cause follows it.</summary>
    public const string OutcomeUnknownErrorMessage = "The call carrying this ID got no usable answer; it may have been applied.";

    /// <summary>The code given to the IDs of the batches a run never sent, because it stopped or was cancelled first.</summary>
    public const string NotSentErrorCode = "IOTDA.SDK.NOT_SENT";

    /// <summary>The message that goes with <see cref="NotSentErrorCode"/>.</summary>
    public const string NotSentErrorMessage = "This ID was never sent: the run stopped before its batch.";

    private readonly List<IReadOnlyList<string>> _batches = new();
    private readonly List<string> _succeeded = new();
    private readonly List<BatchFailure> _failed = new();
    private int _completedBatches;
    private int _completedItems;

    /// <param name="ids">The IDs, in order; duplicates (ordinal) are dropped, the first occurrence kept.</param>
    /// <param name="batchSize">The most IDs one call may carry.</param>
    public BatchCollector(IEnumerable<string> ids, int batchSize)
        : this(ids, batchSize, nameof(ids))
    {
    }

    /// <param name="ids">
    /// The IDs, in order; duplicates (ordinal) are dropped, the first occurrence kept. A null, empty or whitespace ID,
    /// or one with a lone surrogate, throws an <see cref="ArgumentException"/> naming <paramref name="idsName"/> and
    /// its index.
    /// </param>
    /// <param name="batchSize">The most IDs one call may carry.</param>
    /// <param name="idsName">The name errors give the IDs: the batched array's name on the wire.</param>
    public BatchCollector(IEnumerable<string> ids, int batchSize, string idsName)
    {
        if (idsName is null)
        {
            throw new ArgumentNullException(nameof(idsName));
        }

        if (ids is null)
        {
            throw IoTDAValidation.Missing(idsName);
        }

        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one ID.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<string>? current = null;
        var index = 0;
        foreach (var id in ids)
        {
            BatchIdRules.Check(id, idsName, index++);
            if (!seen.Add(id))
            {
                continue;
            }

            if (current is null || current.Count == batchSize)
            {
                current = new List<string>(batchSize);
                _batches.Add(current);
            }

            current.Add(id);
        }

        TotalItems = seen.Count;
    }

    public IReadOnlyList<IReadOnlyList<string>> Batches => _batches;

    public int TotalItems { get; }

    /// <summary>The IDs that succeeded, in input order.</summary>
    public IReadOnlyList<string> Succeeded => _succeeded;

    /// <summary>The IDs that failed, in input order, each with its reason.</summary>
    public IReadOnlyList<BatchFailure> Failed => _failed;

    /// <summary>Records a batch the service answered: each of its IDs is taken from the failure list first, then the success list.</summary>
    public void AddResult<TFailure>(
        IReadOnlyList<string> batch,
        IReadOnlyList<string>? succeeded,
        IReadOnlyList<TFailure>? failed,
        Func<TFailure, string?> failureId,
        Func<TFailure, string?> failureCode,
        Func<TFailure, string?> failureMessage)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        var failures = new Dictionary<string, TFailure>(StringComparer.Ordinal);
        foreach (var failure in failed ?? Array.Empty<TFailure>())
        {
            if (failure is not null && failureId(failure) is { } id && !failures.ContainsKey(id))
            {
                failures.Add(id, failure);
            }
        }

        var successes = new HashSet<string>(succeeded ?? Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var id in batch)
        {
            if (failures.TryGetValue(id, out var failure))
            {
                _failed.Add(new BatchFailure(id, failureCode(failure), failureMessage(failure)));
            }
            else if (successes.Contains(id))
            {
                _succeeded.Add(id);
            }
            else
            {
                _failed.Add(new BatchFailure(id, NotReportedErrorCode, NotReportedErrorMessage));
            }
        }

        Complete(batch);
    }

    /// <summary>Records a batch the service rejected as a whole: each of its IDs fails with the error.</summary>
    public void AddFailure(IReadOnlyList<string> batch, string? code, string? message)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        foreach (var id in batch)
        {
            _failed.Add(new BatchFailure(id, code, message));
        }

        Complete(batch);
    }

    public BatchProgress Progress() =>
        new(_completedBatches, _batches.Count, _completedItems, TotalItems, _succeeded.Count, _failed.Count);

    private void Complete(IReadOnlyList<string> batch)
    {
        _completedBatches++;
        _completedItems += batch.Count;
    }
}
