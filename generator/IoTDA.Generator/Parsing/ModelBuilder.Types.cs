using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>Schemas to C# types, and their constraints.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>The C# type for a schema met as <paramref name="owner"/>'s member <paramref name="member"/>.</summary>
    private TypeModel TypeFor(OpenApiSchema? schema, string owner, string member, string pointer)
    {
        if (schema is null)
        {
            return TypeModel.Json;
        }

        if (_typeDepth >= MaxSchemaDepth)
        {
            _typeCuts++;
            ReportTooDeep(pointer);
            return TypeModel.Json;
        }

        _typeDepth++;
        try
        {
            return ResolveType(schema, owner, member, pointer);
        }
        finally
        {
            _typeDepth--;
        }
    }

    private TypeModel ResolveType(OpenApiSchema schema, string owner, string member, string pointer)
    {
        if (schema.Reference is { } reference)
        {
            if (reference.IsExternal)
            {
                Report(DiagnosticDescriptors.ExternalReference, pointer, reference.ReferenceV3 ?? reference.ExternalResource ?? "");
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
            // Its shape is named after the component alone, so it is worked out once: an object or union among its
            // items is one class, however many members refer to the component. Kept only when nothing cut it short
            // (another alias's guard, the depth bound), which a reference from elsewhere would not meet.
            if (_aliasTypes.TryGetValue(reference.Id, out var alias))
            {
                return alias;
            }

            if (!_visitingAliases.Add(reference.Id))
            {
                return TypeModel.Json;
            }

            try
            {
                var cuts = _typeCuts;
                alias = StructuralType(schema, Naming.ToPascalCase(reference.Id), "", ComponentPointer(reference.Id));
                if (_visitingAliases.Count == 1 && cuts == _typeCuts)
                {
                    _aliasTypes[reference.Id] = alias;
                }

                return alias;
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
            return IsTooLargeForAnEnum(schema, pointer) ? TypeModel.String : InlineEnum(schema, owner, member, pointer);
        }

        if (IsIntegerEnum(schema))
        {
            return InlineEnum(schema, owner, member, pointer);
        }

        if (schema.Type == "array" || (schema.Type is null && schema.Items is not null))
        {
            // An object item is named for its array plus "Item"; an enum item keeps the array's name, as enums do.
            var itemName = schema.Items is { } items && items.Reference is null && (IsStringEnum(items) || IsIntegerEnum(items)) ? member : member + "Item";
            return TypeModel.ArrayOf(TypeFor(schema.Items, owner, itemName, pointer + "/items"));
        }

        if (IsMap(schema))
        {
            return TypeModel.MapOf(TypeFor(schema.AdditionalProperties, owner, member + "Value", pointer + "/additionalProperties"));
        }

        if (OnlyAlternative(schema) is { } alternative)
        {
            return TypeFor(alternative.Schema, owner, member, pointer + alternative.Path);
        }

        if (IsUnion(schema))
        {
            return InlineUnion(schema, owner, member, pointer);
        }

        // `allOf: [$ref]` beside a description is how OpenAPI 3.0 annotates a reference: it means the referenced type,
        // and taking it so keeps a schema that refers to itself this way a reference, not a copy that refers again.
        if (IsAnnotatedReference(schema))
        {
            return TypeFor(schema.AllOf[0], owner, member, pointer + "/allOf/0");
        }

        if (IsObject(schema))
        {
            // Its members lead back to it: the class being built is the type, as a component's own name would be.
            if (_classesInProgress.TryGetValue(schema, out var building))
            {
                return TypeModel.Object(building);
            }

            var properties = CollectProperties(schema, pointer);
            if (properties.Properties.Count == 0)
            {
                return TypeModel.Json;
            }

            var name = ClaimTypeName(owner + Naming.ToPascalCase(member), pointer, isEnum: false);
            BuildClass(name, schema, properties);
            return TypeModel.Object(name);
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0)
        {
            return TypeFor(schema.AllOf[0], owner, member, pointer + "/allOf/0");
        }

        // The schema's own format says the type when it has one (`type: string, format: uuid` beside the parts).
        if (PrimitiveIntersection(schema) is { } part && !(schema.Type is not null && schema.Format is not null))
        {
            return TypeFor(schema.AllOf[part], owner, member, pointer + "/allOf/" + part.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return schema.Type switch
        {
            "string" => NoteDates(StringOfFormat(schema.Format)),
            "integer" => schema.Format == "int32" ? TypeModel.Int32 : TypeModel.Int64,
            "number" => schema.Format == "float" ? TypeModel.Single : TypeModel.Double,
            "boolean" => TypeModel.Boolean,
            _ => TypeModel.Json,
        };
    }

    /// <summary>The formats a .NET type says better than a string; any other (or none) stays a string.</summary>
    private static TypeModel StringOfFormat(string? format) => format switch
    {
        "date-time" => TypeModel.DateTime,
        "date" => TypeModel.Date,
        "uuid" => TypeModel.Guid,
        "uri" => TypeModel.Uri,
        "byte" => TypeModel.Bytes,
        "int64" => TypeModel.Int64String,
        _ => TypeModel.String,
    };

    /// <summary>A date needs the JSON class's date helpers, which a spec without one does without.</summary>
    private TypeModel NoteDates(TypeModel type)
    {
        _usesDates |= type.Kind == TypeKind.Date;
        return type;
    }

    /// <summary>
    /// A <c>oneOf</c> or <c>anyOf</c> with one alternative besides null means that alternative: it is how OpenAPI 3.1
    /// makes a reference nullable (<c>anyOf: [{$ref: X}, {type: null}]</c>), and how many 3.0 specs annotate one.
    /// </summary>
    private static (OpenApiSchema Schema, string Path)? OnlyAlternative(OpenApiSchema schema)
    {
        if (schema.Properties.Count > 0 || schema.AllOf.Count > 0 || schema.AdditionalProperties is not null || schema.Items is not null ||
            schema.Enum.Count > 0 || !(schema.Type is null || schema.Type == "object") || (schema.OneOf.Count > 0) == (schema.AnyOf.Count > 0))
        {
            return null;
        }

        var (parts, keyword) = schema.OneOf.Count > 0 ? (schema.OneOf, "/oneOf/") : (schema.AnyOf, "/anyOf/");
        int? only = null;
        for (var index = 0; index < parts.Count; index++)
        {
            if (parts[index] is null || IsNullSchema(parts[index]))
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = index;
        }

        return only is { } found ? (parts[found], keyword + found.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Whether the spec lets the value be null: <c>nullable</c>, or a null alternative of a <c>oneOf</c>/<c>anyOf</c>.</summary>
    private static bool AllowsNull(OpenApiSchema? schema) => schema is not null && (schema.Nullable || HasNullAlternative(schema));

    private static bool HasNullAlternative(OpenApiSchema schema) =>
        schema.OneOf.Concat(schema.AnyOf).Any(part => part is not null && IsNullSchema(part));

    /// <summary><c>{type: null}</c>: 3.0 has no such type, so the 3.1 rewrite leaves it as a nullable schema of no type.</summary>
    private static bool IsNullSchema(OpenApiSchema schema) =>
        schema.Reference is null && (schema.Type == "null" || (schema.Type is null && schema.Nullable)) &&
        schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 &&
        schema.Items is null && schema.AdditionalProperties is null && schema.Enum.Count == 0;

    private static bool IsAnnotatedReference(OpenApiSchema schema) =>
        schema.AllOf.Count == 1 && schema.AllOf[0]?.Reference is not null && schema.Properties.Count == 0 &&
        schema.AdditionalProperties is null && (schema.Type is null || schema.Type == "object");

    /// <summary>
    /// An enum written in place: its name comes from the plan; a first build has none yet and uses the member's name,
    /// which stands when the plan keeps it.
    /// </summary>
    private TypeModel InlineEnum(OpenApiSchema schema, string owner, string member, string pointer)
    {
        var index = _inlineEnums.Count;
        // A spec may name the type itself when the property's name says too little (a "mode" or a "channel").
        var baseName = Naming.ToPascalCase(Conventions.Text(schema, Conventions.EnumName) ?? member);
        var integerMembers = IsIntegerEnum(schema) ? IntegerEnumMembers(schema) : (EquatableArray<EnumMemberModel>?)null;
        var values = integerMembers is { } members ? members.Select(m => m.Value).ToEquatableArray() : EnumValues(schema);
        var occurrence = new InlineEnumOccurrence(baseName.Length == 0 ? "Value" : baseName, owner, values, Docs.From(schema.Description), pointer)
        {
            IntegerMembers = integerMembers,
        };
        _inlineEnums.Add(occurrence);
        if (_plan is null)
        {
            return occurrence.IntegerMembers is null ? TypeModel.Enum(occurrence.BaseName) : TypeModel.IntEnum(occurrence.BaseName);
        }

        if (index >= _plan.Names.Count)
        {
            throw new InvalidOperationException("The build met more inline enums than its survey (" + _plan.Names.Count + ").");
        }

        return occurrence.IntegerMembers is null ? TypeModel.Enum(_plan.Names[index]) : TypeModel.IntEnum(_plan.Names[index]);
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
        if (pattern is not null && !ReadablePatterns.IsReadable(pattern))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/pattern", "The pattern '" + pattern + "'", "it is not a valid regular expression");
            pattern = null;
        }

        var constraints = WithPartConstraints(schema, type, pointer, new ConstraintsModel(
            isArray ? NonNegative(schema.MinItems) : null,
            isArray ? NonNegative(schema.MaxItems) : null,
            isString ? NonNegative(schema.MinLength) : null,
            isString ? NonNegative(schema.MaxLength) : null,
            string.IsNullOrEmpty(pattern) ? null : pattern,
            isNumber ? ToDouble(schema.Minimum) : null,
            isNumber && schema.Minimum is not null && schema.ExclusiveMinimum == true,
            isNumber ? ToDouble(schema.Maximum) : null,
            isNumber && schema.Maximum is not null && schema.ExclusiveMaximum == true,
            type.Kind switch
            {
                TypeKind.Enum => EnumValues(schema),
                TypeKind.Boolean => BooleanValues(schema),
                TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double
                    or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json
                    or TypeKind.IntEnum or TypeKind.Object or TypeKind.Array or TypeKind.Map => EquatableArray<string>.Empty,
            }));
        return constraints == ConstraintsModel.None ? ConstraintsModel.None : constraints;
    }

    /// <summary>
    /// A boolean's <c>enum</c> as <c>true</c>/<c>false</c> (a <c>bool</c> stays a <c>bool</c>, held to its values like a
    /// string enum); none when it allows both, which is no rule at all.
    /// </summary>
    private static EquatableArray<string> BooleanValues(OpenApiSchema schema)
    {
        var values = schema.Enum.OfType<OpenApiBoolean>().Select(value => value.Value ? "true" : "false").Distinct(StringComparer.Ordinal).ToEquatableArray();
        return values.Count == 1 ? values : EquatableArray<string>.Empty;
    }

    /// <summary>The constraints of an array's elements; none for any other type.</summary>
    private ConstraintsModel ItemConstraintsFor(OpenApiSchema? schema, TypeModel type, string pointer) =>
        type.Kind == TypeKind.Array ? ConstraintsFor(schema?.Items, type.ItemType, pointer + "/items") : ConstraintsModel.None;

    private static int? NonNegative(int? value) => value is >= 0 ? value : null;

    private static double? ToDouble(decimal? value) => value is null ? null : (double)value.Value;
}
