namespace IoTDA.Generator.Model;

/// <summary>
/// A <c>oneOf</c> or <c>anyOf</c> that no discriminator tells apart, generated as a sealed class: a value read keeps
/// its JSON and is read as one alternative only when the caller asks for it; a value made from an alternative is sent
/// as that alternative.
/// </summary>
/// <param name="Alternatives">The typed alternatives, each C# type once, in the spec's order.</param>
/// <param name="HasUntypedAlternative">Some alternative has no C# type here; its values are reached through the JSON.</param>
/// <param name="JsonProperty">The name of the property holding the JSON: <c>Json</c>, unless the union is so named.</param>
internal sealed record UnionModel(EquatableArray<AlternativeModel> Alternatives, bool HasUntypedAlternative, string JsonProperty);

/// <summary>One alternative of a union: the suffix of its <c>As</c> method, its type and its rules.</summary>
internal sealed record AlternativeModel(string Name, TypeModel Type, ConstraintsModel Constraints, ConstraintsModel ItemConstraints)
{
    /// <summary>For an object alternative, the members its JSON must hold to read as it.</summary>
    public EquatableArray<string> RequiredMembers { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Its JSON may be of any kind its reader takes: the alternative is itself a union, or stands for alternatives
    /// written in different forms (a long as a number and as a string).
    /// </summary>
    public bool ReadsAnyJson { get; init; }
}
