using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>
/// Where one batched operation's answer carries its per-ID outcome, as the spec's <c>x-iotda-batch-*</c> keys state
/// it: the list of IDs that succeeded, the list of failures, and how a failure reads and is written back.
/// </summary>
/// <typeparam name="TResult">The operation's response type.</typeparam>
/// <typeparam name="TFailure">The type of one entry in the response's failure list.</typeparam>
public sealed class BatchShape<TResult, TFailure>
{
    /// <param name="idsName">The batched array's name on the wire, for the error when the IDs are missing.</param>
    /// <param name="batchSize">The most IDs one call may carry (the spec's <c>maxItems</c>).</param>
    /// <param name="succeeded">Reads the IDs an answer reports as done.</param>
    /// <param name="failed">Reads the failures an answer reports.</param>
    /// <param name="failureId">Reads the ID a failure is about.</param>
    /// <param name="failureCode">Reads a failure's error code.</param>
    /// <param name="failureMessage">Reads a failure's error message.</param>
    /// <param name="writeFailure">Writes one merged failure back in the response's own type.</param>
    public BatchShape(
        string idsName,
        int batchSize,
        Func<TResult, IReadOnlyList<string>?> succeeded,
        Func<TResult, IReadOnlyList<TFailure>?> failed,
        Func<TFailure, string?> failureId,
        Func<TFailure, string?> failureCode,
        Func<TFailure, string?> failureMessage,
        Func<BatchFailure, TFailure> writeFailure)
    {
        IdsName = idsName ?? throw new ArgumentNullException(nameof(idsName));
        BatchSize = batchSize;
        Succeeded = succeeded ?? throw new ArgumentNullException(nameof(succeeded));
        Failed = failed ?? throw new ArgumentNullException(nameof(failed));
        FailureId = failureId ?? throw new ArgumentNullException(nameof(failureId));
        FailureCode = failureCode ?? throw new ArgumentNullException(nameof(failureCode));
        FailureMessage = failureMessage ?? throw new ArgumentNullException(nameof(failureMessage));
        WriteFailure = writeFailure ?? throw new ArgumentNullException(nameof(writeFailure));
    }

    public string IdsName { get; }

    public int BatchSize { get; }

    public Func<TResult, IReadOnlyList<string>?> Succeeded { get; }

    public Func<TResult, IReadOnlyList<TFailure>?> Failed { get; }

    public Func<TFailure, string?> FailureId { get; }

    public Func<TFailure, string?> FailureCode { get; }

    public Func<TFailure, string?> FailureMessage { get; }

    public Func<BatchFailure, TFailure> WriteFailure { get; }
}
