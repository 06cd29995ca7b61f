namespace IoTDA.Generator.Model;

/// <summary>
/// A <c>oneOf</c> with a discriminator, generated as an abstract base class: the member whose value says which
/// variant a JSON object is, and each value with its variant class.
/// </summary>
/// <param name="UnknownName">The base's nested class that a value of a kind the spec does not list reads into.</param>
internal sealed record PolymorphismModel(string DiscriminatorJsonName, EquatableArray<VariantModel> Variants, string UnknownName)
{
    /// <summary><c>Unknown</c>, unless the base is itself so named (a nested type may not share its class's name).</summary>
    public static string UnknownFor(string baseName) => baseName == "Unknown" ? "UnknownKind" : "Unknown";
}

/// <summary>One discriminator value and the final C# name of the class it stands for.</summary>
internal sealed record VariantModel(string Value, string ClassName);
