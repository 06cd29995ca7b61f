using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>Component schemas: classes, enums and their names.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>An enum struct declares these members: a value or the type itself must be named otherwise (CS0542).</summary>
    internal static readonly string[] ReservedEnumMembers =
        { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals" };

    private void RegisterComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            var schema = pair.Value;
            if (schema is null || IsAlias(pair.Key, schema))
            {
                continue;
            }

            ReportSelfInclusion(pair.Key, schema);
            var isObject = IsObject(schema);
            if (MayBePolymorphic(schema))
            {
                // Registered after the objects its variants must be (RegisterPolymorphicBases), as a base or as before.
                continue;
            }

            if (IsUnion(schema))
            {
                _componentTypes[pair.Key] = TypeModel.Object(ClaimTypeName(pair.Key, ComponentPointer(pair.Key), isEnum: false));
            }
            else if ((isObject && !IsMap(schema)) || (IsStringEnum(schema) && !IsTooLargeForAnEnum(schema, ComponentPointer(pair.Key))))
            {
                var name = ClaimTypeName(pair.Key, ComponentPointer(pair.Key), isEnum: !isObject);
                _componentTypes[pair.Key] = isObject ? TypeModel.Object(name) : TypeModel.Enum(name);
            }
            else if (IsIntegerEnum(schema))
            {
                _componentTypes[pair.Key] = TypeModel.IntEnum(ClaimTypeName(pair.Key, ComponentPointer(pair.Key), isEnum: true));
            }
        }
    }

    private void BuildComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        // The bases first: their variants take the members they declare.
        foreach (var pair in schemas.Where(pair => _polymorphicBases.ContainsKey(pair.Key)).Concat(schemas.Where(pair => !_polymorphicBases.ContainsKey(pair.Key))))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_componentTypes.TryGetValue(pair.Key, out var type))
            {
                continue;
            }

            var pointer = ComponentPointer(pair.Key);
            var build = type.Kind switch
            {
                TypeKind.Object when _polymorphicBases.TryGetValue(pair.Key, out var plan) => () => BuildPolymorphicBase(pair.Key, type.Name, pair.Value, plan),
                TypeKind.Object when IsUnion(pair.Value) => () => BuildUnion(type.Name, pair.Value, pointer),
                TypeKind.Object => (Action)(() => BuildClass(type.Name, pair.Value, CollectProperties(pair.Value, pointer))),
                TypeKind.Enum => () => _enums.Add(new EnumModel(
                    type.Name,
                    EnumDescription(pair.Value, type.Name),
                    EnumMembers(type.Name, EnumValues(pair.Value), pointer, _diagnostics))),
                TypeKind.IntEnum => () => _enums.Add(new EnumModel(type.Name, EnumDescription(pair.Value, type.Name), IntegerEnumMembers(pair.Value)) { IsInteger = true }),
                TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
                    or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json or TypeKind.Array
                    or TypeKind.Map =>
                    throw new InvalidOperationException("A component registers only classes and enums, not " + type.Kind + "."),
            };
            build();
        }
    }

    /// <summary>
    /// A component that is only a <c>$ref</c> to another (<c>NodeAlias: {$ref: Node}</c>): references to it already
    /// lead to the target, so it generates nothing itself.
    /// </summary>
    internal static bool IsAlias(string key, OpenApiSchema schema) =>
        schema.Reference is { } reference && !string.Equals(reference.Id, key, StringComparison.Ordinal);

    private string ClaimTypeName(string specName, string pointer, bool isEnum) =>
        Claim(_typeNames, WantedTypeName(specName, isEnum), specName, pointer);

    /// <summary>The C# name a schema asks for; an enum struct's own name may not be one of its members' (CS0542).</summary>
    internal static string WantedTypeName(string specName, bool isEnum)
    {
        var wanted = Naming.ToPascalCase(specName);
        if (wanted.Length == 0)
        {
            wanted = "Schema";
        }

        return isEnum && ReservedEnumMembers.Contains(wanted) ? wanted + "Enum" : wanted;
    }

    private static bool IsMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.AdditionalProperties is not null &&
        (schema.Type is null || schema.Type == "object");

    /// <summary>
    /// The most values an enum type is generated for. Each use of an enum repeats its values (the constraint
    /// attribute, the validator's check) and the compiler's time grows faster than the values do; past this, the
    /// member is a string and the values are left to the service.
    /// </summary>
    internal const int MaxEnumValues = 1000;

    private bool IsTooLargeForAnEnum(OpenApiSchema schema, string pointer)
    {
        var count = EnumValues(schema).Count;
        if (count <= MaxEnumValues)
        {
            return false;
        }

        ReportOnce(DiagnosticDescriptors.EnumTooLarge, pointer + "/enum", count.ToString(CultureInfo.InvariantCulture), MaxEnumValues.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool IsStringEnum(OpenApiSchema schema) =>
        schema.Enum.Count > 0 && (schema.Type is null || schema.Type == "string") &&
        schema.Enum.All(value => value is OpenApiString or OpenApiNull) && schema.Enum.Any(value => value is OpenApiString);

    private void BuildClass(string name, OpenApiSchema schema, CollectedProperties collected)
    {
        var variant = VariantOf(schema);
        var models = BuildProperties(name, schema, collected, variant, except: null);
        _classes.Add(new ClassModel(name, ClassDescription(schema, name), models) { BaseName = variant.BaseName });
    }

    private static string ClassDescription(OpenApiSchema schema, string name) =>
        Docs.From(schema.Description ?? schema.Title) ?? "The " + XmlText.Escape(name) + " schema of the spec.";

    /// <summary>
    /// The members of a class, in the spec's order. A variant takes the members its base declares as the base built
    /// them (their names reserved first, so its own cannot take them); <paramref name="except"/> is a member left out.
    /// </summary>
    private EquatableArray<PropertyModel> BuildProperties(string name, OpenApiSchema schema, CollectedProperties collected, VariantInfo variant, string? except)
    {
        _classesInProgress[schema] = name;
        var inherited = variant.Inherited.ToDictionary(member => member.JsonName, StringComparer.Ordinal);
        // Members of object the class would hide (CS0108/CS0114 warnings) are taken, like the class's own name.
        var memberNames = new NameScope(ObjectMembers.Append(name).Concat(variant.Inherited.Select(member => member.Name)).ToArray());
        var models = new List<PropertyModel>();
        foreach (var (jsonName, propertySchema, propertyPointer) in collected.Properties)
        {
            if (jsonName == except)
            {
                continue;
            }

            if (inherited.TryGetValue(jsonName, out var member))
            {
                models.Add(member with { IsInherited = true });
                continue;
            }

            var wanted = Naming.ToPascalCase(jsonName);
            if (wanted.Length == 0)
            {
                wanted = "Property";
            }

            if (wanted == name)
            {
                wanted += "Value";
            }

            var memberName = Claim(memberNames, wanted, jsonName, propertyPointer);
            var type = TypeFor(propertySchema, name, jsonName, propertyPointer);
            var requiredToSend = collected.IsRequiredToSend(jsonName);
            var nullable = AllowsNull(propertySchema);
            var nullHandling = NullHandlingOf(type, requiredToSend, nullable);
            models.Add(new PropertyModel(
                jsonName,
                memberName,
                type,
                // A collection is never null (an empty one stands for it), so a required one stays required.
                requiredToSend && (!nullable || type.IsCollection),
                nullHandling,
                Docs.From(propertySchema?.Description ?? propertySchema?.Title) ?? "The " + Docs.Code(jsonName) + " member.",
                ConstraintsFor(propertySchema, type, propertyPointer),
                ItemConstraintsFor(propertySchema, type, propertyPointer))
            {
                DiscriminatorValue = jsonName == variant.PropertyName && type.Kind is TypeKind.String or TypeKind.Enum
                    ? StartingValue(variant.Values, propertySchema)
                    : null,
                HidesBaseMember = memberName == variant.UnknownName,
                ReadRequired = collected.IsRequiredToRead(jsonName),
            });
        }

        _classesInProgress.Remove(schema);
        return models.ToEquatableArray();
    }

    /// <summary>Arrays and maps are never null (an empty one is sent instead), so only other members send null.</summary>
    private static NullHandling NullHandlingOf(TypeModel type, bool listedRequired, bool nullable) =>
        !nullable || type.IsCollection ? NullHandling.LeftOut
        : listedRequired ? NullHandling.AlwaysSent
        : NullHandling.SentWhenAssigned;

    private string EnumDescription(OpenApiSchema schema, string name) =>
        Docs.From(schema.Description ?? schema.Title) ?? "The values of " + XmlText.Escape(name) + ".";

    private static EquatableArray<string> EnumValues(OpenApiSchema schema) =>
        schema.Enum.OfType<OpenApiString>().Select(value => value.Value ?? "").Distinct(StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The values' member names; shared with the naming of inline enums, which reports into its own sink.</summary>
    internal static EquatableArray<EnumMemberModel> EnumMembers(string typeName, EquatableArray<string> values, string pointer, DiagnosticSink diagnostics)
    {
        var reserved = ReservedEnumMembers.Append(typeName).ToArray();
        var scope = new NameScope(reserved);
        var members = new List<EnumMemberModel>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var valuePointer = pointer + "/enum/" + i.ToString(CultureInfo.InvariantCulture);
            var wanted = Naming.ToPascalCase(value);
            if (wanted.Length == 0)
            {
                wanted = value.Length == 0 ? "Empty" : "Value";
            }
            else if (wanted[0] == '_')
            {
                wanted = "Value" + wanted.Substring(1);
            }

            if (scope.IsTaken(wanted) && reserved.Contains(wanted))
            {
                wanted += "Value";
            }

            var memberName = scope.Claim(wanted);
            if (!Naming.IsPlainIdentifier(value))
            {
                diagnostics.Report(DiagnosticDescriptors.EnumValueNotIdentifier, valuePointer, value, typeName, memberName);
            }
            else if (memberName != wanted)
            {
                diagnostics.Report(DiagnosticDescriptors.NameCollision, valuePointer, value, wanted, memberName);
            }

            members.Add(new EnumMemberModel(value, memberName));
        }

        return members.ToEquatableArray();
    }
}
