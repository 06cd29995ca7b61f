namespace IoTDA.Generator.Model;

/// <summary>
/// One spec file as the pipeline sees it before parsing; <see cref="ReadError"/> is set when its text could not be
/// read. <see cref="Tags"/> are the operation tags the item selects; empty selects every operation.
/// </summary>
internal sealed record SpecFile(string Path, string Text, string Namespace, string ClientName, bool InternalTypes, string? ReadError, EquatableArray<string> Tags)
{
    /// <inheritdoc cref="ProjectSettings.DatesAsDateOnly"/>
    public bool DatesAsDateOnly { get; init; }
}
