namespace IoTDA.Generator.Model;

/// <summary>
/// A generated class: one schema with properties, sealed; or, with <see cref="Polymorphism"/>, the abstract base of a
/// discriminated <c>oneOf</c> or of the components that include it, whose variants name it as their
/// <see cref="BaseName"/>; or, with <see cref="Union"/>, a <c>oneOf</c>/<c>anyOf</c> without one.
/// </summary>
internal sealed record ClassModel(string Name, string Description, EquatableArray<PropertyModel> Properties)
{
    /// <summary>Some request body holds this type: it needs a JSON writer and validation.</summary>
    public bool IsSent { get; init; }

    /// <summary>Some response holds this type: it needs a JSON reader.</summary>
    public bool IsReceived { get; init; }

    /// <summary>The abstract base this variant derives from; null for a class of its own.</summary>
    public string? BaseName { get; init; }

    /// <summary>
    /// Set for an abstract base: its discriminator and variants. A <c>oneOf</c> base has no properties; one its
    /// variants include has its own members but the discriminator, which each variant declares.
    /// </summary>
    public PolymorphismModel? Polymorphism { get; init; }

    /// <summary>Set for a union of alternatives no discriminator tells apart (it has no properties of its own).</summary>
    public UnionModel? Union { get; init; }
}
