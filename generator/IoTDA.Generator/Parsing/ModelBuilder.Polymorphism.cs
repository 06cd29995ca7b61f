using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// A component that is a <c>oneOf</c> (or <c>anyOf</c>) of object components with a discriminator becomes an abstract
/// base class and each alternative a sealed class deriving from it. C# classes have one base, so an alternative that
/// another such component already claimed, or a part that is not an object component carrying the discriminator,
/// leaves the component what it was (a <c>JsonElement</c>).
/// </summary>
internal sealed partial class ModelBuilder
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly Dictionary<string, PolymorphicPlan> _polymorphicBases = new(StringComparer.Ordinal);
    private readonly Dictionary<OpenApiSchema, (string BaseKey, string VariantKey)> _variantBases = new(IdentityComparer<OpenApiSchema>.Instance);

    /// <summary>The discriminator member, each value with the component it names (mapped first, then implicit), and the variants.</summary>
    private sealed record PolymorphicPlan(string PropertyName, List<(string Value, string VariantKey)> Values, List<string> VariantKeys);

    /// <summary>After <see cref="RegisterComponents"/>, which registered the object components the variants must be.</summary>
    private void RegisterPolymorphicBases(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            if (pair.Value is null || _componentTypes.ContainsKey(pair.Key) || PlanFor(pair.Key, pair.Value, schemas) is not { } plan)
            {
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
        var propertyName = schema.Discriminator?.PropertyName;
        var parts = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (string.IsNullOrEmpty(propertyName) || parts.Count == 0 || (schema.OneOf.Count > 0 && schema.AnyOf.Count > 0) ||
            schema.AllOf.Count > 0 || IsMap(schema))
        {
            return null;
        }

        var variantKeys = new List<string>();
        foreach (var part in parts)
        {
            var id = part?.Reference is { IsExternal: false } reference ? reference.Id : null;
            if (id is null || id == key || !schemas.TryGetValue(id, out var variant) || variant is null ||
                !_componentTypes.TryGetValue(id, out var type) || type.Kind != TypeKind.Object || _variantBases.ContainsKey(variant) ||
                _polymorphicBases.ContainsKey(id) || !CollectProperties(variant, ComponentPointer(id)).Properties.Any(p => p.JsonName == propertyName))
            {
                return null;
            }

            if (!variantKeys.Contains(id))
            {
                variantKeys.Add(id);
            }
        }

        var values = new List<(string Value, string VariantKey)>();
        foreach (var mapping in schema.Discriminator!.Mapping ?? new Dictionary<string, string>())
        {
            if (MappedComponent(mapping.Value) is { } target && variantKeys.Contains(target) && values.All(v => v.Value != mapping.Key))
            {
                values.Add((mapping.Key, target));
            }
        }

        // A variant the mapping does not name is named by its component's own name, as OpenAPI says.
        foreach (var variant in variantKeys.Where(v => values.All(value => value.VariantKey != v && value.Value != v)))
        {
            values.Add((variant, variant));
        }

        return new PolymorphicPlan(propertyName!, values, variantKeys);
    }

    /// <summary><c>#/components/schemas/Cat</c> or a bare <c>Cat</c>: the component a mapping names; null for anything else.</summary>
    private static string? MappedComponent(string? target)
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

    private void BuildPolymorphicBase(string name, OpenApiSchema schema, PolymorphicPlan plan) =>
        _classes.Add(new ClassModel(name, Docs.From(schema.Description ?? schema.Title) ?? "The " + XmlText.Escape(name) + " schema of the spec.", EquatableArray<PropertyModel>.Empty)
        {
            Polymorphism = new PolymorphismModel(
                plan.PropertyName,
                plan.Values.Select(value => new VariantModel(value.Value, _componentTypes[value.VariantKey].Name)).ToEquatableArray()),
        });

    /// <summary>The base a variant derives from and the value its discriminator starts as; nulls for a class of its own.</summary>
    private (string? BaseName, string? PropertyName, string? Value) VariantOf(OpenApiSchema schema)
    {
        if (!_variantBases.TryGetValue(schema, out var variant))
        {
            return (null, null, null);
        }

        var plan = _polymorphicBases[variant.BaseKey];
        var value = plan.Values.First(v => v.VariantKey == variant.VariantKey).Value;
        return (_componentTypes[variant.BaseKey].Name, plan.PropertyName, value);
    }
}
