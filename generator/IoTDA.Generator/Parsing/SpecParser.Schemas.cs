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
internal sealed partial class SpecParser
{
    private void RegisterComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            var schema = pair.Value;
            if (schema is null || IsAlias(pair.Key, schema))
            {
                continue;
            }

            if ((IsObject(schema) && !IsMap(schema)) || IsStringEnum(schema))
            {
                var name = ClaimTypeName(pair.Key, "#/components/schemas/" + Escape(pair.Key), isEnum: !IsObject(schema));
                _componentTypes[pair.Key] = IsObject(schema)
                    ? new TypeModel(TypeKind.Object, name, null)
                    : new TypeModel(TypeKind.Enum, name, null);
            }
        }
    }

    private void BuildComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_componentTypes.TryGetValue(pair.Key, out var type))
            {
                continue;
            }

            var pointer = "#/components/schemas/" + Escape(pair.Key);
            if (type.Kind == TypeKind.Object)
            {
                BuildClass(type.Name, pair.Value, pointer);
            }
            else
            {
                _enums.Add(BuildEnum(type.Name, pair.Value, pointer));
            }
        }
    }

    /// <summary>A component that is only a <c>$ref</c> to another: references to it already lead to the target.</summary>
    private static bool IsAlias(string key, OpenApiSchema schema) =>
        schema.Reference is { } reference && !string.Equals(reference.Id, key, StringComparison.Ordinal);

    private string ClaimTypeName(string specName, string pointer, bool isEnum = false)
    {
        var wanted = Naming.ToPascalCase(specName);
        if (wanted.Length == 0)
        {
            wanted = "Schema";
        }

        // An enum struct declares Converter, Equals, GetHashCode and ToString: its own name must differ (CS0542).
        if (isEnum && ReservedEnumMembers.Contains(wanted))
        {
            wanted += "Enum";
        }

        var name = _typeNames.Claim(wanted);
        if (name != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer, specName, wanted, name);
        }

        return name;
    }

    private static bool IsObject(OpenApiSchema schema) => IsObject(schema, depth: 0);

    /// <summary>The depth bound stops a schema whose allOf contains itself (a legal, if odd, cycle).</summary>
    private static bool IsObject(OpenApiSchema schema, int depth) =>
        schema.Type == "object" || schema.Properties.Count > 0 ||
        (schema.Type is null && schema.AllOf.Count > 0 && depth < 32 &&
         schema.AllOf.All(part => part is not null && IsObject(part, depth + 1)));

    private static bool IsMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.AdditionalProperties is not null &&
        (schema.Type is null || schema.Type == "object");

    private static bool IsStringEnum(OpenApiSchema schema) =>
        schema.Enum.Count > 0 && (schema.Type is null || schema.Type == "string") &&
        schema.Enum.All(value => value is OpenApiString or OpenApiNull) && schema.Enum.Any(value => value is OpenApiString);

    private void BuildClass(string name, OpenApiSchema schema, string pointer)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<KeyValuePair<string, (OpenApiSchema Schema, string Pointer)>>();
        CollectProperties(schema, pointer, required, properties, new HashSet<OpenApiSchema>());

        // Members of object the class would hide (CS0108/CS0114 warnings) are taken, like the class's own name.
        var memberNames = new NameScope(name, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize");
        var models = new List<PropertyModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            if (!seen.Add(pair.Key))
            {
                continue;
            }

            var (propertySchema, propertyPointer) = pair.Value;
            var wanted = Naming.ToPascalCase(pair.Key);
            if (wanted.Length == 0)
            {
                wanted = "Property";
            }

            if (wanted == name)
            {
                wanted += "Value";
            }

            var memberName = memberNames.Claim(wanted);
            if (memberName != wanted)
            {
                Report(DiagnosticDescriptors.NameCollision.Id, propertyPointer, pair.Key, wanted, memberName);
            }

            var type = TypeFor(propertySchema, name, pair.Key, propertyPointer);
            var isRequired = required.Contains(pair.Key) && !(propertySchema?.Nullable ?? false);
            models.Add(new PropertyModel(
                pair.Key,
                memberName,
                type,
                isRequired,
                Clean(propertySchema?.Description ?? propertySchema?.Title),
                ConstraintsFor(propertySchema, type, propertyPointer),
                type.Kind == TypeKind.Array ? ConstraintsFor(propertySchema?.Items, type.Item!, propertyPointer + "/items") : ConstraintsModel.None));
        }

        _classes.Add(new ClassModel(name, Clean(schema.Description ?? schema.Title), models.ToEquatableArray()));
    }

    private static void CollectProperties(
        OpenApiSchema schema,
        string pointer,
        HashSet<string> required,
        List<KeyValuePair<string, (OpenApiSchema, string)>> properties,
        HashSet<OpenApiSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf[i];
            if (part is not null)
            {
                var partPointer = part.Reference is { IsExternal: false } reference && reference.Id is not null
                    ? "#/components/schemas/" + Escape(reference.Id)
                    : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                CollectProperties(part, partPointer, required, properties, visited);
            }
        }

        foreach (var name in schema.Required)
        {
            required.Add(name);
        }

        foreach (var pair in schema.Properties)
        {
            properties.Add(new KeyValuePair<string, (OpenApiSchema, string)>(pair.Key, (pair.Value, pointer + "/properties/" + Escape(pair.Key))));
        }
    }

    private EnumModel BuildEnum(string name, OpenApiSchema schema, string pointer) =>
        new(name, Clean(schema.Description ?? schema.Title), EnumMembers(name, EnumValues(schema), pointer));

    private static EquatableArray<string> EnumValues(OpenApiSchema schema) =>
        schema.Enum.OfType<OpenApiString>().Select(value => value.Value ?? "").Distinct(StringComparer.Ordinal).ToEquatableArray();

    private EquatableArray<EnumMemberModel> EnumMembers(string typeName, EquatableArray<string> values, string pointer)
    {
        var scope = new NameScope(ReservedEnumMembers.Append(typeName).ToArray());
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

            if (scope.IsTaken(wanted) && ReservedEnumMembers.Append(typeName).Contains(wanted))
            {
                wanted += "Value";
            }

            var memberName = scope.Claim(wanted);
            if (!Naming.IsPlainIdentifier(value))
            {
                Report(DiagnosticDescriptors.EnumValueNotIdentifier.Id, valuePointer, value, typeName, memberName);
            }
            else if (memberName != wanted)
            {
                Report(DiagnosticDescriptors.NameCollision.Id, valuePointer, value, wanted, memberName);
            }

            members.Add(new EnumMemberModel(value, memberName));
        }

        return members.ToEquatableArray();
    }
}
