namespace IoTDA.Analyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the code fixes read.</summary>
internal static class DiagnosticProperties
{
    /// <summary>IOTDA002: the allowed value closest to the one written.</summary>
    public const string ClosestValue = "ClosestValue";

    /// <summary>IOTDA002: the name of the member's static property that holds <see cref="ClosestValue"/>.</summary>
    public const string NamedValue = "NamedValue";
}
