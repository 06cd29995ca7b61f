namespace IoTDA.Generator.Model;

/// <summary>
/// A <c>oneOf</c> with a discriminator, generated as an abstract base class: the member whose value says which
/// variant a JSON object is, and each value with its variant class.
/// </summary>
internal sealed record PolymorphismModel(string DiscriminatorJsonName, EquatableArray<VariantModel> Variants)
{
    /// <summary>The nested class of the base that a value of a kind the spec does not list reads into.</summary>
    public const string UnknownVariant = "Unknown";
}

/// <summary>One discriminator value and the final C# name of the class it stands for.</summary>
internal sealed record VariantModel(string Value, string ClassName);
