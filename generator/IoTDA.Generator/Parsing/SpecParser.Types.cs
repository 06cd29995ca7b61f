using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>Schemas to C# types, inline enums and constraints.</summary>
internal sealed partial class SpecParser
{
    /// <summary>The C# type for a schema met as <paramref name="owner"/>'s member <paramref name="member"/>.</summary>
    private TypeModel TypeFor(OpenApiSchema? schema, string owner, string member, string pointer)
    {
        if (schema is null)
        {
            return TypeModel.Json;
        }

        if (schema.Reference is { } reference)
        {
            if (reference.IsExternal)
            {
                Report(DiagnosticDescriptors.ExternalReference.Id, pointer, reference.ReferenceV3 ?? reference.ExternalResource ?? "");
                return TypeModel.Json;
            }

            if (schema.UnresolvedReference || reference.Id is null)
            {
                return TypeModel.Json;
            }

            if (_componentTypes.TryGetValue(reference.Id, out var known))
            {
                return known;
            }

            // A component that is an array or a primitive: use its shape, guarding against one that contains itself.
            if (!_visitingAliases.Add(reference.Id))
            {
                return TypeModel.Json;
            }

            try
            {
                return StructuralType(schema, Naming.ToPascalCase(reference.Id), "", "#/components/schemas/" + Escape(reference.Id));
            }
            finally
            {
                _visitingAliases.Remove(reference.Id);
            }
        }

        return StructuralType(schema, owner, member, pointer);
    }

    private TypeModel StructuralType(OpenApiSchema schema, string owner, string member, string pointer)
    {
        if (IsStringEnum(schema))
        {
            return InlineEnum(schema, owner, member, pointer);
        }

        if (schema.Type == "array" || (schema.Type is null && schema.Items is not null))
        {
            // An object item is named for its array plus "Item"; an enum item keeps the array's name, as enums do.
            var itemName = schema.Items is { } items && items.Reference is null && IsStringEnum(items) ? member : member + "Item";
            return TypeModel.ArrayOf(TypeFor(schema.Items, owner, itemName, pointer + "/items"));
        }

        if (IsMap(schema))
        {
            return TypeModel.MapOf(TypeFor(schema.AdditionalProperties, owner, member + "Value", pointer + "/additionalProperties"));
        }

        if (IsObject(schema))
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            var properties = new List<KeyValuePair<string, (OpenApiSchema, string)>>();
            CollectProperties(schema, pointer, required, properties, new HashSet<OpenApiSchema>());
            if (properties.Count == 0)
            {
                return TypeModel.Json;
            }

            var name = ClaimTypeName(owner + Naming.ToPascalCase(member), pointer);
            BuildClass(name, schema, pointer);
            return new TypeModel(TypeKind.Object, name, null);
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0)
        {
            return TypeFor(schema.AllOf[0], owner, member, pointer + "/allOf/0");
        }

        return schema.Type switch
        {
            "string" => TypeModel.String,
            "integer" => schema.Format == "int32" ? TypeModel.Int32 : TypeModel.Int64,
            "number" => schema.Format == "float" ? TypeModel.Single : TypeModel.Double,
            "boolean" => TypeModel.Boolean,
            _ => TypeModel.Json,
        };
    }

    private TypeModel InlineEnum(OpenApiSchema schema, string owner, string member, string pointer)
    {
        var placeholder = "\u0001enum" + _inlineEnums.Count.ToString(CultureInfo.InvariantCulture);
        var baseName = Naming.ToPascalCase(member);
        _inlineEnums.Add(new InlineEnumOccurrence(placeholder, baseName.Length == 0 ? "Value" : baseName, owner, EnumValues(schema), Clean(schema.Description), pointer));
        return new TypeModel(TypeKind.Enum, placeholder, null);
    }

    /// <summary>
    /// Identical inline enums of one name share a type named after the property; when enums of one name differ,
    /// each takes its owner's name as a prefix.
    /// </summary>
    private void NameInlineEnums()
    {
        var named = new Dictionary<string, (string Name, EquatableArray<string> Values)>(StringComparer.Ordinal);
        foreach (var group in _inlineEnums.GroupBy(e => e.BaseName, StringComparer.Ordinal))
        {
            var shared = group.Select(e => e.Values).Distinct().Count() == 1;
            foreach (var inline in group)
            {
                var wanted = shared ? inline.BaseName : inline.Owner + inline.BaseName;
                if (named.TryGetValue(wanted, out var existing) && existing.Values == inline.Values)
                {
                    _enumNames[inline.Placeholder] = existing.Name;
                    continue;
                }

                // A schema already took the property's name: the owner's name keeps the enum recognisable.
                var claimed = ClaimTypeName(shared && _typeNames.IsTaken(wanted) ? inline.Owner + inline.BaseName : wanted, inline.Pointer, isEnum: true);
                named[wanted] = (claimed, inline.Values);
                _enumNames[inline.Placeholder] = claimed;
                _enums.Add(new EnumModel(claimed, inline.Description, EnumMembers(claimed, inline.Values, inline.Pointer)));
            }
        }
    }

    private ConstraintsModel ConstraintsFor(OpenApiSchema? schema, TypeModel type, string pointer)
    {
        if (schema is null)
        {
            return ConstraintsModel.None;
        }

        var isString = type.Kind == TypeKind.String;
        var isArray = type.Kind == TypeKind.Array;
        var isNumber = type.IsNumber;
        var pattern = isString ? schema.Pattern : null;
        if (pattern is not null && !IsValidPattern(pattern))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/pattern", "The pattern '" + pattern + "'", "it is not a valid regular expression");
            pattern = null;
        }

        var constraints = new ConstraintsModel(
            isArray ? NonNegative(schema.MinItems) : null,
            isArray ? NonNegative(schema.MaxItems) : null,
            isString ? NonNegative(schema.MinLength) : null,
            isString ? NonNegative(schema.MaxLength) : null,
            string.IsNullOrEmpty(pattern) ? null : pattern,
            isNumber ? ToDouble(schema.Minimum) : null,
            isNumber && schema.Minimum is not null && schema.ExclusiveMinimum == true,
            isNumber ? ToDouble(schema.Maximum) : null,
            isNumber && schema.Maximum is not null && schema.ExclusiveMaximum == true,
            type.Kind == TypeKind.Enum ? EnumValues(schema) : EquatableArray<string>.Empty);
        return constraints == ConstraintsModel.None ? ConstraintsModel.None : constraints;
    }

    private static int? NonNegative(int? value) => value is >= 0 ? value : null;

    private static double? ToDouble(decimal? value) => value is null ? null : (double)value.Value;

    private static bool IsValidPattern(string pattern) => IoTDA.Runtime.SpecPattern.TryCreate(pattern, TimeSpan.FromSeconds(1)) is not null;
}
