namespace IoTDA.Generator.Model;

/// <summary>
/// One operation and the methods generated for it: <c>{MethodName}Async</c>, and the batching and paging methods
/// when the spec states them. <see cref="Arguments"/> are in the method's order: path, body (or the form parts), query, header.
/// </summary>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ArgumentModel> Arguments,
    TypeModel? Response,
    string ResponseDescription,
    BatchModel? Batch,
    PagingModel? Paging)
{
    /// <summary>An answer that is neither JSON nor empty: read as text or handed back as a stream (<see cref="Response"/> is null).</summary>
    public RawContent? RawResponse { get; init; }

    /// <summary>The form parts among <see cref="Arguments"/> go as one application/x-www-form-urlencoded body.</summary>
    public bool FormIsUrlEncoded { get; init; }

    /// <summary>The success statuses the spec gives <see cref="Response"/>'s schema (200, 201, ...); null for a range or the default (any).</summary>
    public EquatableArray<int>? ResponseStatuses { get; init; }

    /// <summary>The final name (without <c>Async</c>) of the method that also returns the status, headers and body.</summary>
    public string WithResponseName { get; init; } = "";

    /// <summary>
    /// The private method that checks the arguments and builds the request both methods send: two underscores, which
    /// no name from the spec starts with, so it needs no claim.
    /// </summary>
    public string RequestBuilderName => "__" + MethodName + "Request";
}
