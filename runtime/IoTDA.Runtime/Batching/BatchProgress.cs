namespace IoTDA.Runtime;

/// <summary>How far a batched call has come; reported after each batch completes.</summary>
public sealed class BatchProgress
{
    public BatchProgress(int completedBatches, int totalBatches, int completedItems, int totalItems, int succeededItems, int failedItems)
    {
        CompletedBatches = completedBatches;
        TotalBatches = totalBatches;
        CompletedItems = completedItems;
        TotalItems = totalItems;
        SucceededItems = succeededItems;
        FailedItems = failedItems;
    }

    public int CompletedBatches { get; }

    public int TotalBatches { get; }

    /// <summary>Distinct IDs whose batch has completed, successfully or not.</summary>
    public int CompletedItems { get; }

    /// <summary>Distinct IDs in the whole call.</summary>
    public int TotalItems { get; }

    public int SucceededItems { get; }

    public int FailedItems { get; }

    public override string ToString() =>
        $"{CompletedBatches}/{TotalBatches} batches, {CompletedItems}/{TotalItems} IDs ({SucceededItems} succeeded, {FailedItems} failed)";
}
