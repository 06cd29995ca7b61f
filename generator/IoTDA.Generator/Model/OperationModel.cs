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

    /// <summary>The status the spec gives <see cref="Response"/>'s schema (200, 201, ...); null for a range or the default.</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>The final name (without <c>Async</c>) of the method that also returns the status, headers and body.</summary>
    public string WithResponseName { get; init; } = "";

    /// <summary>The final name of the private method that checks the arguments and builds the request both methods send.</summary>
    public string RequestBuilderName { get; init; } = "";
}
