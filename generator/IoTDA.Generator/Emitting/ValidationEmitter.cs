using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// Emits the checks that run before a request is built: required members, the constraints (through
/// <c>IoTDAValidation</c>), and nested objects. DTO validators and the client's argument checks share them, so both
/// enforce the same rules.
/// </summary>
internal static class ValidationEmitter
{
    public static void WriteValidate(SourceWriter writer, CSharp cs, ClassModel model)
    {
        writer.Open("public static void Validate" + model.Name + "(" + cs.Named(model.Name) + " value, string path)");
        EmitMemberChecks(writer, cs, model);
        writer.Close();
    }

    /// <summary>The checks of each member of <c>value</c>, reported under <c>path</c>.</summary>
    public static void EmitMemberChecks(SourceWriter writer, CSharp cs, ClassModel model)
    {
        foreach (var property in model.Properties)
        {
            var access = "value." + property.Name;
            var name = "path + " + CSharp.Literal(property.JsonName);
            if (!property.Required && property.Type.IsCollection && !property.Constraints.IsEmpty)
            {
                // A collection never assigned is not sent, so its count rules (minItems) do not apply to it.
                writer.Open("if (" + ModelEmitter.Unassigned(cs, property.Type) + ".IsAssigned(" + access + "))");
                WriteMemberChecks(writer, cs, property.Type, access, false, name, property.Constraints, property.ItemConstraints);
                writer.Close();
            }
            else
            {
                WriteMemberChecks(writer, cs, property.Type, access, property.Required, name, property.Constraints, property.ItemConstraints);
            }
        }
    }

    /// <summary>The request body: present when required, and valid all the way down.</summary>
    public static void WriteBodyChecks(SourceWriter writer, CSharp cs, ArgumentModel body)
    {
        if (body.Required && !body.Type.IsValueType)
        {
            writer.Line(CSharp.Validation + ".Required(body, \"body\");");
        }

        var deepCheck = body.Type.Kind switch
        {
            TypeKind.Object => (Action)(() => WriteObjectBodyCheck(writer, cs, body)),
            TypeKind.Array or TypeKind.Map => () => WriteMemberChecks(writer, cs, body.Type, "body", false, "\"body\"", ConstraintsModel.None, ConstraintsModel.None),
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
                or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum => null,
        };
        deepCheck?.Invoke();
    }

    private static void WriteObjectBodyCheck(SourceWriter writer, CSharp cs, ArgumentModel body)
    {
        var validate = cs.JsonClass + ".Validate" + body.Type.Name + "(body, \"\");";
        if (body.Required)
        {
            writer.Line(validate);
            return;
        }

        writer.Open("if (body != null)");
        writer.Line(validate);
        writer.Close();
    }

    /// <summary>Whether <see cref="WriteMemberChecks"/> writes anything for a value beyond its required check.</summary>
    public static bool HasMemberChecks(TypeModel type, ConstraintsModel constraints, ConstraintsModel itemConstraints) =>
        !constraints.IsEmpty || type.Kind switch
        {
            TypeKind.Object => true,
            TypeKind.Map => type.ItemType.Kind == TypeKind.Object,
            TypeKind.Array => type.ItemType.Kind == TypeKind.Object || !itemConstraints.IsEmpty,
            TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double
                or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes
                or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum => false,
        };

    /// <summary>Required, constraint and nested-object checks for one member or parameter.</summary>
    public static void WriteMemberChecks(
        SourceWriter writer,
        CSharp cs,
        TypeModel type,
        string access,
        bool required,
        string nameExpression,
        ConstraintsModel constraints,
        ConstraintsModel itemConstraints)
    {
        if (required)
        {
            WriteRequired(writer, cs, type, access, nameExpression);
        }

        foreach (var check in ConstraintChecks(type, access, !required && type.IsValueType, nameExpression, constraints))
        {
            writer.Lines(check);
        }

        var nestedChecks = type.Kind switch
        {
            TypeKind.Object => (Action)(() => WriteNestedCheck(writer, cs, type.Name, access, nameExpression + " + \".\"")),
            TypeKind.Map when type.ItemType.Kind == TypeKind.Object => () => WriteMapValueChecks(writer, cs, type.ItemType, access, nameExpression),
            TypeKind.Array when type.ItemType.Kind == TypeKind.Object || !itemConstraints.IsEmpty =>
                () => WriteItemChecks(writer, cs, type.ItemType, access, nameExpression, itemConstraints),
            TypeKind.Map or TypeKind.Array or TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single
                or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes
                or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum => null,
        };
        nestedChecks?.Invoke();
    }

    private static void WriteNestedCheck(SourceWriter writer, CSharp cs, string typeName, string access, string nameExpression)
    {
        writer.Open("if (" + access + " != null)");
        writer.Line(cs.JsonClass + ".Validate" + typeName + "(" + access + ", " + nameExpression + ");");
        writer.Close();
    }

    private static void WriteMapValueChecks(SourceWriter writer, CSharp cs, TypeModel value, string access, string nameExpression)
    {
        writer.Open("if (" + access + " != null)");
        writer.Open("foreach (var __entry in " + access + ")");
        writer.Line(cs.JsonClass + ".Validate" + value.Name + "(__entry.Value, " + nameExpression + " + \".\" + __entry.Key + \".\");");
        writer.Close();
        writer.Close();
    }

    private static void WriteRequired(SourceWriter writer, CSharp cs, TypeModel type, string access, string nameExpression)
    {
        var check = type.Kind switch
        {
            TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Object or TypeKind.Array or TypeKind.Map =>
                CSharp.Validation + ".Required(" + access + ", " + nameExpression + ");",
            TypeKind.Enum => $$"""
                if ({{access}} == default({{cs.Type(type)}}))
                {
                    throw {{CSharp.Validation}}.Missing({{nameExpression}});
                }
                """,
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date
                or TypeKind.Guid or TypeKind.Json or TypeKind.IntEnum => null,
        };
        if (check is not null)
        {
            writer.Lines(check);
        }
    }

    private static void WriteItemChecks(SourceWriter writer, CSharp cs, TypeModel item, string access, string nameExpression, ConstraintsModel itemConstraints)
    {
        writer.Open("if (" + access + " != null)");
        writer.Open("for (var __index = 0; __index < " + access + ".Count; __index++)");
        var itemName = nameExpression + " + \"[\" + __index.ToString(" + CSharp.Invariant + ") + \"]\"";
        if (item.Kind == TypeKind.Object)
        {
            writer.Line(cs.JsonClass + ".Validate" + item.Name + "(" + access + "[__index], " + itemName + " + \".\");");
        }
        else
        {
            foreach (var check in ConstraintChecks(item, access + "[__index]", false, itemName, itemConstraints))
            {
                writer.Lines(check);
            }
        }

        writer.Close();
        writer.Close();
    }

    /// <summary>Statements that check <paramref name="value"/> against the constraints, naming it <paramref name="nameExpression"/>.</summary>
    private static IEnumerable<string> ConstraintChecks(TypeModel type, string value, bool nullable, string nameExpression, ConstraintsModel constraints)
    {
        string Check(string method, params string[] arguments) =>
            CSharp.Validation + "." + method + "(" + string.Join(", ", new[] { value, nameExpression }.Concat(arguments)) + ");";

        if (constraints.MinItems is { } minItems)
        {
            yield return Check("MinItems", CSharp.Literal(minItems));
        }

        if (constraints.MaxItems is { } maxItems)
        {
            yield return Check("MaxItems", CSharp.Literal(maxItems));
        }

        if (constraints.MinLength is { } minLength)
        {
            yield return Check("MinLength", CSharp.Literal(minLength));
        }

        if (constraints.MaxLength is { } maxLength)
        {
            yield return Check("MaxLength", CSharp.Literal(maxLength));
        }

        if (constraints.Pattern is { } pattern)
        {
            yield return Check("Pattern", CSharp.Literal(pattern));
        }

        if (constraints.HasRange)
        {
            yield return Check(
                "Range",
                constraints.Minimum is { } minimum ? CSharp.Literal(minimum) : "null",
                constraints.Maximum is { } maximum ? CSharp.Literal(maximum) : "null",
                constraints.ExclusiveMinimum ? "true" : "false",
                constraints.ExclusiveMaximum ? "true" : "false");
        }

        if (constraints.AllowedValues.Count > 0 && type.Kind == TypeKind.Enum)
        {
            yield return AllowedValuesCheck(value, nullable, nameExpression, constraints.AllowedValues);
        }

        if (constraints.AllowedValues.Count == 1 && type.Kind == TypeKind.Boolean)
        {
            // A boolean enum allows one value (both would be no rule); null, for an optional one, is not sent.
            var allowed = constraints.AllowedValues[0];
            var other = allowed == "true" ? "false" : "true";
            yield return "if (" + value + " == " + other + ")\n{\n    " + CSharp.Validation + ".AllowedValues(" + CSharp.Literal(other) + ", " + nameExpression + ", " + CSharp.Literal(allowed) + ");\n}";
        }
    }

    /// <summary>
    /// A switch over the allowed values, so a valid value costs no allocation: <c>AllowedValues</c> (its
    /// <c>params</c> array, and the name, which may be built from an index) runs only to word the failure. Null is
    /// let through as <c>AllowedValues</c> lets it through; a value listed twice in the spec is one case label.
    /// </summary>
    private static string AllowedValuesCheck(string value, bool nullable, string nameExpression, IReadOnlyList<string> allowed)
    {
        var text = nullable ? value + "?.ToString()" : value + ".ToString()";
        var labels = (nullable ? new[] { "null" } : Array.Empty<string>())
            .Concat(allowed.Distinct(StringComparer.Ordinal).Select(CSharp.Literal))
            .Select(label => "    case " + label + ":");
        var failure = CSharp.Validation + ".AllowedValues(" + string.Join(", ", new[] { text, nameExpression }.Concat(allowed.Select(CSharp.Literal))) + ");";
        return "switch (" + text + ")\n{\n" + string.Join("\n", labels) + "\n        break;\n    default:\n        " + failure + "\n        break;\n}";
    }
}
