using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IoTDA.Generator.Model;

/// <summary>
/// A <c>oneOf</c> with a discriminator, or an object component with one that other components include through
/// <c>allOf</c>, generated as an abstract base class: the member whose value says which variant a JSON object is,
/// and each value with its variant class.
/// </summary>
/// <param name="UnknownName">The base's nested class that a value of a kind the spec does not list reads into.</param>
internal sealed record PolymorphismModel(string DiscriminatorJsonName, EquatableArray<VariantModel> Variants, string UnknownName)
{
    /// <summary>
    /// <c>Unknown</c>, unless the base or one of its own members is so named (a nested type may share its name with
    /// neither): then <c>UnknownKind</c>, numbered on if that is taken too.
    /// </summary>
    public static string UnknownFor(string baseName, IReadOnlyCollection<string> memberNames)
    {
        bool IsTaken(string name) => name == baseName || memberNames.Contains(name);
        if (!IsTaken("Unknown"))
        {
            return "Unknown";
        }

        var candidate = "UnknownKind";
        for (var number = 2; IsTaken(candidate); number++)
        {
            candidate = "UnknownKind" + number.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}

/// <summary>One discriminator value and the final C# name of the class it stands for.</summary>
internal sealed record VariantModel(string Value, string ClassName);
