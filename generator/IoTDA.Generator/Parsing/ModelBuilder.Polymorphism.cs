using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// A component that is a <c>oneOf</c> (or <c>anyOf</c>) of object components with a discriminator becomes an abstract
/// base class and each alternative a sealed class deriving from it. C# classes have one base, so an alternative that
/// another such component already claimed, or a part that is not an object component carrying the discriminator as
/// a string, leaves the component what it was (a <c>JsonElement</c>, or an empty class when it says <c>type: object</c>).
/// </summary>
internal sealed partial class ModelBuilder
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly Dictionary<string, PolymorphicPlan> _polymorphicBases = new(StringComparer.Ordinal);
    private readonly Dictionary<OpenApiSchema, (string BaseKey, string VariantKey)> _variantBases = new(IdentityComparer<OpenApiSchema>.Instance);

    /// <summary>
    /// The discriminator member, each value with the component it names (mapped first, then implicit), and the
    /// variants; <paramref name="IsIncluded"/> for a base its variants include through <c>allOf</c>, which has members.
    /// </summary>
    private sealed record PolymorphicPlan(string PropertyName, List<(string Value, string VariantKey)> Values, List<string> VariantKeys, bool IsIncluded = false);

    /// <summary>What a class needs of the base it derives from; <see cref="None"/> for a class of its own.</summary>
    private sealed record VariantInfo(string? BaseName, string? PropertyName, IReadOnlyList<string> Values, IReadOnlyList<PropertyModel> Inherited, string? UnknownName)
    {
        public static readonly VariantInfo None = new(null, null, Array.Empty<string>(), Array.Empty<PropertyModel>(), null);
    }

    /// <summary>The bases built so far, by component key: their variants, built after them, take their members.</summary>
    private readonly Dictionary<string, ClassModel> _builtBases = new(StringComparer.Ordinal);

    /// <summary>A discriminator over alternatives and no members of its own: a base, if its parts allow.</summary>
    private static bool MayBePolymorphic(OpenApiSchema schema) =>
        !string.IsNullOrEmpty(schema.Discriminator?.PropertyName) && (schema.OneOf.Count > 0) != (schema.AnyOf.Count > 0) &&
        schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.AdditionalProperties is null &&
        (schema.Type is null || schema.Type == "object");

    /// <summary>After <see cref="RegisterComponents"/>, which registered the object components the variants must be.</summary>
    private void RegisterPolymorphicBases(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            if (pair.Value is null || IsAlias(pair.Key, pair.Value) || !MayBePolymorphic(pair.Value))
            {
                continue;
            }

            var plan = PlanFor(pair.Key, pair.Value, schemas);
            if (plan is null)
            {
                // A union of alternatives read when asked, or what it was before either existed: a class of no
                // members when it says it is an object.
                if (pair.Value.Type == "object" || IsUnion(pair.Value))
                {
                    _componentTypes[pair.Key] = TypeModel.Object(ClaimTypeName(pair.Key, ComponentPointer(pair.Key), isEnum: false));
                }

                continue;
            }

            _componentTypes[pair.Key] = TypeModel.Object(ClaimTypeName(pair.Key, ComponentPointer(pair.Key), isEnum: false));
            _polymorphicBases[pair.Key] = plan;
            foreach (var variant in plan.VariantKeys)
            {
                _variantBases[schemas[variant]] = (pair.Key, variant);
            }
        }
    }

    private PolymorphicPlan? PlanFor(string key, OpenApiSchema schema, IDictionary<string, OpenApiSchema> schemas)
    {
        var propertyName = schema.Discriminator!.PropertyName;
        var variantKeys = new List<string>();
        foreach (var part in schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf)
        {
            var id = part?.Reference is { IsExternal: false } reference ? reference.Id : null;
            if (id is null || id == key || !schemas.TryGetValue(id, out var variant) || variant is null ||
                !_componentTypes.TryGetValue(id, out var type) || type.Kind != TypeKind.Object || _variantBases.ContainsKey(variant) ||
                _polymorphicBases.ContainsKey(id) || !CarriesDiscriminator(variant, id, propertyName))
            {
                return null;
            }

            if (!variantKeys.Contains(id))
            {
                variantKeys.Add(id);
            }
        }

        var (values, unnamed) = DiscriminatorValues(schema.Discriminator, variantKeys, schemas);
        if (unnamed.Count > 0)
        {
            // The mapping gave a variant's name to another: that variant has no value to be read by.
            return null;
        }

        return new PolymorphicPlan(propertyName, values, variantKeys);
    }

    /// <summary>
    /// The mapping's values that name a variant, then each unmapped variant by its component's name, as OpenAPI
    /// says; and the variants left with no value (the mapping gave the name to another).
    /// </summary>
    private static (List<(string Value, string VariantKey)> Values, List<string> Unnamed) DiscriminatorValues(
        OpenApiDiscriminator discriminator, List<string> variantKeys, IDictionary<string, OpenApiSchema> schemas)
    {
        var values = new List<(string Value, string VariantKey)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in discriminator.Mapping ?? new Dictionary<string, string>())
        {
            if (MappedComponent(mapping.Value, schemas) is { } target && variantKeys.Contains(target) && taken.Add(mapping.Key))
            {
                values.Add((mapping.Key, target));
            }
        }

        var named = new HashSet<string>(values.Select(value => value.VariantKey), StringComparer.Ordinal);
        var unnamed = new List<string>();
        foreach (var variant in variantKeys.Where(v => !named.Contains(v)))
        {
            if (taken.Add(variant))
            {
                values.Add((variant, variant));
            }
            else
            {
                unnamed.Add(variant);
            }
        }

        return (values, unnamed);
    }

    /// <summary>The variant declares the discriminator, as a string (or a string enum): what a reader can match.</summary>
    private bool CarriesDiscriminator(OpenApiSchema variant, string id, string propertyName) =>
        CarriesDiscriminator(CollectProperties(variant, ComponentPointer(id)), propertyName);

    /// <inheritdoc cref="CarriesDiscriminator(OpenApiSchema, string, string)"/>
    private static bool CarriesDiscriminator(CollectedProperties variant, string propertyName) =>
        variant.Properties.Any(p =>
            p.JsonName == propertyName && p.Schema is { } schema && (schema.Type is null || schema.Type == "string") &&
            schema.Properties.Count == 0 && schema.Items is null);

    /// <summary>The component a mapping names, an alias followed to its target; null for anything else.</summary>
    private static string? MappedComponent(string? target, IDictionary<string, OpenApiSchema> schemas)
    {
        var key = MappingKey(target);
        return key is not null && schemas.TryGetValue(key, out var schema) && schema is not null && IsAlias(key, schema)
            ? schema.Reference.Id
            : key;
    }

    /// <summary><c>#/components/schemas/Cat</c> or a bare <c>Cat</c>: the key of the component a mapping names; null for anything else.</summary>
    internal static string? MappingKey(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (target!.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            var rest = target.Substring(ComponentPrefix.Length);
            return rest.IndexOf('/') < 0 ? JsonPointer.Unescape(rest) : null;
        }

        return target.IndexOf('/') < 0 && target.IndexOf('#') < 0 ? target : null;
    }

    /// <summary>
    /// A <c>oneOf</c> base has no members; a base its variants include declares its own, all but the discriminator,
    /// which each variant declares with the value that names it.
    /// </summary>
    private void BuildPolymorphicBase(string key, string name, OpenApiSchema schema, PolymorphicPlan plan)
    {
        var members = plan.IsIncluded
            ? BuildProperties(name, schema, CollectProperties(schema, ComponentPointer(key)), VariantInfo.None, except: plan.PropertyName)
            : EquatableArray<PropertyModel>.Empty;
        var model = new ClassModel(name, ClassDescription(schema, name), members)
        {
            Polymorphism = new PolymorphismModel(
                plan.PropertyName,
                plan.Values.Select(value => new VariantModel(value.Value, _componentTypes[value.VariantKey].Name)).ToEquatableArray(),
                PolymorphismModel.UnknownFor(name, members.Select(member => member.Name).ToList())),
        };
        _builtBases[key] = model;
        _classes.Add(model);
    }

    /// <summary>What a variant takes from its base, which is built first; <see cref="VariantInfo.None"/> for a class of its own.</summary>
    private VariantInfo VariantOf(OpenApiSchema schema)
    {
        if (!_variantBases.TryGetValue(schema, out var variant))
        {
            return VariantInfo.None;
        }

        var plan = _polymorphicBases[variant.BaseKey];
        var built = _builtBases[variant.BaseKey];
        return new VariantInfo(
            built.Name,
            plan.PropertyName,
            plan.Values.Where(v => v.VariantKey == variant.VariantKey).Select(v => v.Value).ToList(),
            built.Properties,
            built.Polymorphism!.UnknownName);
    }

    /// <summary>The value a variant's discriminator starts as: the first that names it and that its own enum allows.</summary>
    private static string? StartingValue(IReadOnlyList<string> values, OpenApiSchema? property)
    {
        var allowed = property is null ? EquatableArray<string>.Empty : EnumValues(property);
        return values.FirstOrDefault(value => allowed.Count == 0 || allowed.Contains(value)) ?? values.FirstOrDefault();
    }
}
