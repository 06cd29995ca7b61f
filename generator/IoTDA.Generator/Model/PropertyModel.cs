namespace IoTDA.Generator.Model;

/// <summary>
/// One member of a generated class: its wire name, final C# name, type, docs and rules. <see cref="Required"/> means
/// always sent and never null; a required member the spec lets be null is optional here, <see cref="NullHandling.AlwaysSent"/>.
/// </summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeModel Type,
    bool Required,
    NullHandling Null,
    string Description,
    ConstraintsModel Constraints,
    ConstraintsModel ItemConstraints)
{
    /// <summary>Optional members are nullable, except collections, which are never null (empty instead).</summary>
    public bool IsNullable => !Required && !Type.IsCollection;

    /// <summary>A variant's discriminator member starts as the value that names the variant, so the caller need not set it.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>
    /// A value read must hold the member: the spec lists it as required and it is not <c>writeOnly</c> (one only
    /// requests carry). Reading fails without it rather than leave it unset. A <c>readOnly</c> one is required here but
    /// not in <see cref="Required"/>, since requests leave it out.
    /// </summary>
    public bool ReadRequired { get; init; }

    /// <summary>Declared by the variant's base (the <c>allOf</c> form of polymorphism): read and written here, declared there.</summary>
    public bool IsInherited { get; init; }

    /// <summary>A variant's member named like its base's nested class for unknown kinds: declared <c>new</c>, as it hides that class.</summary>
    public bool HidesBaseMember { get; init; }

    /// <summary>The member's backing field when it remembers being assigned (<see cref="NullHandling.SentWhenAssigned"/>), else null.</summary>
    /// <remarks>An underscore and the property's name: property names never start with an underscore and a capital, so none can clash.</remarks>
    public string? TrackingField => Null == NullHandling.SentWhenAssigned ? "_" + Name : null;
}
