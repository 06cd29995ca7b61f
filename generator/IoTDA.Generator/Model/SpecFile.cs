namespace IoTDA.Generator.Model;

/// <summary>
/// One spec file as the pipeline sees it before parsing; <see cref="ReadError"/> is set when its text could not be
/// read. <see cref="Tags"/> are the operation tags the item selects; empty selects every operation.
/// </summary>
internal sealed record SpecFile(string Path, string Text, string Namespace, string ClientName, bool InternalTypes, string? ReadError, EquatableArray<string> Tags)
{
    /// <inheritdoc cref="ProjectSettings.DatesAsDateOnly"/>
    public bool DatesAsDateOnly { get; init; }

    /// <summary>
    /// The item's <c>AllSchemas="true"</c>: a class or enum for every component schema, also those no operation uses
    /// (left out otherwise, since they cost the build and no call needs them).
    /// </summary>
    public bool AllSchemas { get; init; }

    /// <summary>
    /// The item's <c>CheckRequiredInAnswers</c>: whether an answer that lacks a required member is refused; null when
    /// the item does not say, which means yes, but no for a Huawei Cloud spec (see <c>ModelBuilder</c>).
    /// </summary>
    public bool? CheckRequiredInAnswers { get; init; }
}
