namespace IoTDA.Generator.Model;

/// <summary>
/// The JSON Schema validation keywords of one member, as the generator stamps them (attributes) and enforces them
/// (checks before sending); each kind is a row of <c>IoTDA.Runtime.ConstraintTable</c>.
/// </summary>
internal sealed record ConstraintsModel(
    int? MinItems,
    int? MaxItems,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    double? Minimum,
    bool ExclusiveMinimum,
    double? Maximum,
    bool ExclusiveMaximum,
    EquatableArray<string> AllowedValues)
{
    public static readonly ConstraintsModel None =
        new(null, null, null, null, null, null, false, null, false, EquatableArray<string>.Empty);

    public bool HasLength => MinLength is not null || MaxLength is not null;

    public bool HasRange => Minimum is not null || Maximum is not null;

    public bool IsEmpty => this == None;
}
