using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// The <c>allOf</c> form of polymorphism: an object component with a discriminator and members of its own, which
/// other components include (<c>Cat: allOf: [$ref: Pet, {...}]</c>), is an abstract base that declares those members,
/// and each component that includes it a sealed class deriving from it. A component that includes it but cannot
/// derive from it stays a class of its own, and a value of its kind reads as the base's <c>Unknown</c>: it belongs to
/// another base already, is a base itself, or says something else than the base about one of the base's members.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>A discriminator beside members rather than alternatives: a base, if some component includes it.</summary>
    private static bool MayBeIncludedBase(OpenApiSchema schema) =>
        !string.IsNullOrEmpty(schema.Discriminator?.PropertyName) && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 &&
        IsObject(schema) && !IsMap(schema);

    /// <summary>After <see cref="RegisterPolymorphicBases"/>: a <c>oneOf</c> that names a component first claims it.</summary>
    private void RegisterIncludedBases(IDictionary<string, OpenApiSchema> schemas)
    {
        var includers = Includers(schemas);
        foreach (var pair in schemas)
        {
            if (pair.Value is null || IsAlias(pair.Key, pair.Value) || !MayBeIncludedBase(pair.Value) || _polymorphicBases.ContainsKey(pair.Key) ||
                _variantBases.ContainsKey(pair.Value) || !includers.TryGetValue(pair.Key, out var candidates) ||
                !_componentTypes.TryGetValue(pair.Key, out var type) || type.Kind != TypeKind.Object)
            {
                continue;
            }

            var propertyName = pair.Value.Discriminator.PropertyName;
            var baseMembers = CollectProperties(pair.Value, ComponentPointer(pair.Key));
            var variantKeys = candidates.Where(id => MayDerive(id, schemas[id], propertyName, baseMembers, includers)).ToList();
            // An includer left with no value of its own (the mapping gave its name to another) is not a kind.
            var (values, unnamed) = DiscriminatorValues(pair.Value.Discriminator, variantKeys, schemas);
            variantKeys.RemoveAll(unnamed.Contains);
            if (variantKeys.Count == 0)
            {
                continue;
            }

            var plan = new PolymorphicPlan(propertyName, values, variantKeys, IsIncluded: true);
            _polymorphicBases[pair.Key] = plan;
            foreach (var variant in plan.VariantKeys)
            {
                _variantBases[schemas[variant]] = (pair.Key, variant);
            }
        }
    }

    /// <summary>For each component, the components whose <c>allOf</c> names it directly, in the document's order.</summary>
    internal static Dictionary<string, List<string>> Includers(IDictionary<string, OpenApiSchema> schemas)
    {
        var includers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in schemas)
        {
            if (pair.Value is null || IsAlias(pair.Key, pair.Value))
            {
                continue;
            }

            foreach (var part in pair.Value.AllOf)
            {
                if (part?.Reference is { IsExternal: false, Id: { } id } && id != pair.Key)
                {
                    if (!includers.TryGetValue(id, out var list))
                    {
                        includers[id] = list = new List<string>();
                    }

                    if (!list.Contains(pair.Key))
                    {
                        list.Add(pair.Key);
                    }
                }
            }
        }

        return includers;
    }

    /// <summary>
    /// An object class of its own, in no other hierarchy and heading none, that carries the discriminator as a string
    /// and has each of the base's members as the base has it: from the base's own schema, required alike. One that
    /// repeats the base's discriminator and that nothing includes heads nothing, so it may derive.
    /// </summary>
    private bool MayDerive(string id, OpenApiSchema variant, string propertyName, CollectedProperties baseMembers, Dictionary<string, List<string>> includers)
    {
        var headsKinds = variant.Discriminator is { } repeated && (repeated.PropertyName != propertyName || includers.ContainsKey(id));
        if (!_componentTypes.TryGetValue(id, out var type) || type.Kind != TypeKind.Object || IsUnion(variant) || MayBePolymorphic(variant) ||
            headsKinds || _variantBases.ContainsKey(variant) || _polymorphicBases.ContainsKey(id))
        {
            return false;
        }

        var own = CollectProperties(variant, ComponentPointer(id));
        return CarriesDiscriminator(own, propertyName) && baseMembers.Properties.All(member =>
            member.JsonName == propertyName ||
            (own.Places.TryGetValue(member.JsonName, out var place) && own.Properties[place].Pointer == member.Pointer &&
             own.Required.Contains(member.JsonName) == baseMembers.Required.Contains(member.JsonName)));
    }
}
