namespace IoTDA.Generator.Model;

/// <summary>
/// One parameter of a generated method, in declaration order, with its final name. <see cref="WireName"/> is the
/// name the spec gives it (the constraint attributes name it); <see cref="DefaultsToNull"/> says the signature
/// gives it <c>= null</c>.
/// </summary>
internal sealed record ArgumentModel(
    string Name,
    string WireName,
    ArgumentRole Role,
    TypeModel Type,
    bool Required,
    bool Nullable,
    bool DefaultsToNull,
    string Description,
    ConstraintsModel Constraints,
    ConstraintsModel ItemConstraints)
{
    /// <summary>
    /// A query list sent as one value, its items joined by this (OpenAPI's <c>form</c> style without <c>explode</c>,
    /// <c>spaceDelimited</c>, <c>pipeDelimited</c>); null sends the parameter once per item.
    /// </summary>
    public string? ListSeparator { get; init; }

    /// <summary>A path parameter that may span segments: its value keeps its slashes (<c>allowReserved</c>, <c>x-multi-segment</c>).</summary>
    public bool SpansSegments { get; init; }

    /// <summary>The media type of a <see cref="ArgumentRole.RawBody"/>, and whether it is text.</summary>
    public RawContent? Raw { get; init; }
}
