namespace IoTDA.Analyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the code fixes read.</summary>
internal static class DiagnosticProperties
{
    /// <summary>IOTDA002: the allowed value closest to the one written.</summary>
    public const string ClosestValue = "ClosestValue";

    /// <summary>IOTDA002: the name of the member's static property that holds <see cref="ClosestValue"/>.</summary>
    public const string NamedValue = "NamedValue";

    /// <summary>
    /// IOTDA001 on a request body built in a call: the client's method that sends the items in batches
    /// (<c>{Operation}InBatchesAsync</c>). The code fix works from these properties alone, so it needs no semantic
    /// model of a project whose client is generated.
    /// </summary>
    public const string BatchedMethod = "BatchedMethod";

    /// <summary>The batching method's parameter names in order, comma-separated, each optional one ending in <c>?</c>.</summary>
    public const string BatchedParameters = "BatchedParameters";

    /// <summary>The parameter name of each argument of the original call, in the order they are written, comma-separated.</summary>
    public const string ArgumentParameters = "ArgumentParameters";
}
