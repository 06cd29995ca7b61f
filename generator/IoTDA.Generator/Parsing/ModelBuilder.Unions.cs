using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// A <c>oneOf</c> or <c>anyOf</c> of several alternatives that no discriminator tells apart becomes a union class: it
/// keeps the JSON it was read from and reads it as an alternative when asked, so nothing is guessed when it arrives.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly Dictionary<OpenApiSchema, string> _inlineUnions = new(IdentityComparer<OpenApiSchema>.Instance);

    /// <summary>Alternatives and nothing else, at least two of them besides null (one alone is that one's type).</summary>
    private static bool IsUnion(OpenApiSchema schema) =>
        (schema.OneOf.Count > 0) != (schema.AnyOf.Count > 0) && schema.Properties.Count == 0 && schema.AllOf.Count == 0 &&
        schema.AdditionalProperties is null && schema.Items is null && schema.Enum.Count == 0 &&
        (schema.Type is null || schema.Type == "object") &&
        Alternatives(schema).Count(part => part is not null && !IsNullSchema(part)) >= 2;

    private static IList<OpenApiSchema> Alternatives(OpenApiSchema schema) => schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;

    /// <summary>
    /// Nothing leads back to a union being built by its schema: a component is reached by its reference (already
    /// registered), one written in place by <see cref="InlineUnion"/>'s record, made before the build.
    /// </summary>
    private void BuildUnion(string name, OpenApiSchema schema, string pointer)
    {
        var keyword = schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/";
        var parts = Alternatives(schema);
        var methodNames = new NameScope(name);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var alternatives = new List<AlternativeModel>();
        var hasUntyped = false;
        for (var index = 0; index < parts.Count; index++)
        {
            var part = parts[index];
            if (part is null || IsNullSchema(part))
            {
                continue;
            }

            var partPointer = pointer + keyword + index.ToString(CultureInfo.InvariantCulture);
            // An alternative written in place is named for its title, or for its place among the alternatives.
            var member = string.IsNullOrWhiteSpace(part.Title) ? "Option" + (index + 1).ToString(CultureInfo.InvariantCulture) : part.Title;
            var type = TypeFor(part, name, member, partPointer);
            // A union cannot be one of its own alternatives; an untyped one is still reachable through the JSON.
            if (type.Kind == TypeKind.Json || (type.Kind == TypeKind.Object && type.Name == name))
            {
                hasUntyped |= type.Kind == TypeKind.Json;
                continue;
            }

            var constraints = ConstraintsFor(part, type, partPointer);
            var itemConstraints = ItemConstraintsFor(part, type, partPointer);
            // Two alternatives of one C# type would be one constructor twice: the first stands for both, and when
            // their rules differ a value need meet only one of them, which a check of either would not let through.
            var csharpType = SameCSharpType(type);
            if (seen.TryGetValue(csharpType, out var place))
            {
                if (alternatives[place].Constraints != constraints || alternatives[place].ItemConstraints != itemConstraints)
                {
                    alternatives[place] = alternatives[place] with { Constraints = ConstraintsModel.None, ItemConstraints = ConstraintsModel.None };
                }

                // A long written as a number and one written as a string: the one left reads either form.
                if (alternatives[place].Type != type)
                {
                    alternatives[place] = alternatives[place] with { ReadsAnyJson = true };
                }

                continue;
            }

            seen[csharpType] = alternatives.Count;
            alternatives.Add(new AlternativeModel(methodNames.Claim("As" + AlternativeName(type)).Substring(2), type, constraints, itemConstraints));
        }

        _classes.Add(new ClassModel(name, Docs.From(schema.Description ?? schema.Title) ?? "The " + XmlText.Escape(name) + " schema of the spec.", EquatableArray<PropertyModel>.Empty)
        {
            // A member may not share its class's name: a union named Json keeps its JSON as JsonValue.
            Union = new UnionModel(alternatives.ToEquatableArray(), hasUntyped, name == "Json" ? "JsonValue" : "Json"),
        });
    }

    /// <summary>
    /// The union class of a schema written in place, built once: such a schema can still be met more than once (a
    /// request body shared through <c>components/requestBodies</c>, a path's parameters), and each must name one class.
    /// </summary>
    private TypeModel InlineUnion(OpenApiSchema schema, string owner, string member, string pointer)
    {
        if (_inlineUnions.TryGetValue(schema, out var built))
        {
            return TypeModel.Object(built);
        }

        var name = ClaimTypeName(owner + Naming.ToPascalCase(member), pointer, isEnum: false);
        _inlineUnions[schema] = name;
        BuildUnion(name, schema, pointer);
        return TypeModel.Object(name);
    }

    /// <summary>
    /// Once every class is built, what telling an object alternative's JSON apart takes: the members it requires, so
    /// that asking for an alternative the JSON lacks answers null rather than a half-read value; none for a union.
    /// </summary>
    private static List<ClassModel> CompleteUnions(List<ClassModel> classes)
    {
        var byName = classes.ToDictionary(model => model.Name, StringComparer.Ordinal);
        return classes.Select(model => model.Union is not { } union ? model : model with
        {
            Union = union with
            {
                Alternatives = union.Alternatives.Select(alternative =>
                    alternative.Type.Kind == TypeKind.Object && byName.TryGetValue(alternative.Type.Name, out var target)
                        ? alternative with
                        {
                            RequiredMembers = target.Properties.Where(p => p.ReadRequired).Select(p => p.JsonName).ToEquatableArray(),
                            ReadsAnyJson = alternative.ReadsAnyJson || target.Union is not null,
                        }
                        : alternative).ToEquatableArray(),
            },
        }).ToList();
    }

    /// <summary>The alternative as a method name says it: its class or enum, else the .NET type, with List or Map for collections.</summary>
    private static string AlternativeName(TypeModel type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.IntEnum => type.Name,
        TypeKind.Int64 or TypeKind.Int64String => "Int64",
        TypeKind.DateTime => "DateTimeOffset",
        TypeKind.Date => "Date",
        TypeKind.Array => AlternativeName(type.ItemType) + "List",
        TypeKind.Map => AlternativeName(type.ItemType) + "Map",
        TypeKind.String or TypeKind.Int32 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Guid or TypeKind.Uri
            or TypeKind.Bytes or TypeKind.Json => type.Kind.ToString(),
    };

    /// <summary>Types that C# spells alike compare alike: a long is a long whether the spec writes it as a number or a string.</summary>
    private static string SameCSharpType(TypeModel type) => type.Kind switch
    {
        TypeKind.Int64String => SameCSharpType(TypeModel.Int64),
        TypeKind.Array or TypeKind.Map => type.Kind + "<" + SameCSharpType(type.ItemType) + ">",
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date
            or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum or TypeKind.Object =>
            type.Kind + ":" + type.Name,
    };
}
