using System.Collections.Generic;
using System.Globalization;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// Emits the spec's JSON readers and writers (Utf8JsonReader/Utf8JsonWriter code, no reflection) and the
/// validators that run before a request is built.
/// </summary>
internal static class JsonEmitter
{
    private const string Reader = "ref " + CSharp.Json + "Utf8JsonReader reader";
    private const string JsonTokenNull = CSharp.Json + "JsonTokenType.Null";

    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var writer = Emitter.Header(spec);
        writer.Line("/// <summary>JSON reading, writing and validation for the types of " + SourceWriter.Xml(spec.ClientName) + ".</summary>");
        writer.Line(Emitter.GeneratedCodeAttribute);
        writer.Open("internal static partial class " + spec.ClientName + "Json");
        var first = true;
        foreach (var model in spec.Classes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitRead(writer, cs, model);
            writer.Line();
            EmitWrite(writer, cs, model);
            writer.Line();
            EmitValidate(writer, cs, model);
        }

        foreach (var model in spec.Enums)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var type = cs.Named(model.Name);
            writer.Line("public static " + type + " Read" + model.Name + "(" + Reader + ") =>");
            writer.Line("    reader.TokenType == " + JsonTokenNull + " ? default(" + type + ") : new " + type + "(" + CSharp.JsonHelpers + ".ReadString(ref reader) ?? string.Empty);");
        }

        foreach (var operation in spec.Operations)
        {
            if (operation.Response is { } response)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line("public static " + cs.Type(response) + " ReadResponseOf" + operation.MethodName + "(" + Reader + ") =>");
                writer.Line("    " + ReadMember(cs, response, required: true) + ";");
            }
        }

        writer.Close();
        return Emitter.Footer(writer);
    }

    private static void EmitRead(SourceWriter writer, CSharp cs, ClassModel model)
    {
        var type = cs.Named(model.Name);
        writer.Open("public static " + type + " Read" + model.Name + "(" + Reader + ")");
        writer.Line("var result = new " + type + "();");
        writer.Line("if (!" + CSharp.JsonHelpers + ".StartObject(ref reader, " + CSharp.Literal(model.Name) + "))");
        writer.Line("{");
        writer.Line("    return result;");
        writer.Line("}");
        writer.Line();
        writer.Open("while (" + CSharp.JsonHelpers + ".NextProperty(ref reader))");
        var keyword = "if";
        foreach (var property in model.Properties)
        {
            writer.Open(keyword + " (reader.ValueTextEquals(" + CSharp.Literal(property.JsonName) + "))");
            writer.Line("reader.Read();");
            writer.Line("result." + property.Name + " = " + ReadMember(cs, property.Type, property.Required) + ";");
            writer.Close();
            keyword = "else if";
        }

        if (model.Properties.Count == 0)
        {
            writer.Line("reader.Read();");
            writer.Line(CSharp.JsonHelpers + ".SkipValue(ref reader);");
        }
        else
        {
            writer.Open("else");
            writer.Line("reader.Read();");
            writer.Line(CSharp.JsonHelpers + ".SkipValue(ref reader);");
            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Line("return result;");
        writer.Close();
    }

    /// <summary>An expression reading a member; optional value types read JSON null as null.</summary>
    private static string ReadMember(CSharp cs, TypeModel type, bool required)
    {
        var value = ReadValue(cs, type, "reader", 0);
        return type.Kind switch
        {
            TypeKind.String => required ? value + " ?? string.Empty" : value,
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean =>
                required ? value + ".GetValueOrDefault()" : value,
            TypeKind.Array or TypeKind.Map => value,
            _ when required => value,
            _ => "reader.TokenType == " + JsonTokenNull + " ? (" + cs.Type(type, nullable: true) + ")null : " + value,
        };
    }

    /// <summary>
    /// An expression reading one value from <paramref name="reader"/>. Primitives come back nullable
    /// (<see cref="ReadMember"/> decides), everything else non-null.
    /// </summary>
    private static string ReadValue(CSharp cs, TypeModel type, string reader, int depth) => type.Kind switch
    {
        TypeKind.String => CSharp.JsonHelpers + ".ReadString(ref " + reader + ")",
        TypeKind.Int32 => CSharp.JsonHelpers + ".ReadInt32(ref " + reader + ")",
        TypeKind.Int64 => CSharp.JsonHelpers + ".ReadInt64(ref " + reader + ")",
        TypeKind.Single => CSharp.JsonHelpers + ".ReadSingle(ref " + reader + ")",
        TypeKind.Double => CSharp.JsonHelpers + ".ReadDouble(ref " + reader + ")",
        TypeKind.Boolean => CSharp.JsonHelpers + ".ReadBoolean(ref " + reader + ")",
        TypeKind.Json => CSharp.JsonHelpers + ".ReadElement(ref " + reader + ")",
        TypeKind.Enum or TypeKind.Object => cs.JsonClass + ".Read" + type.Name + "(ref " + reader + ")",
        TypeKind.Array when type.Item!.Kind == TypeKind.String => CSharp.JsonHelpers + ".ReadStringList(ref " + reader + ")",
        TypeKind.Array => CSharp.JsonHelpers + ".ReadList<" + cs.Type(type.Item!) + ">(ref " + reader + ", " + ItemReader(cs, type.Item!, depth) + ")",
        _ => CSharp.JsonHelpers + ".ReadMap<" + cs.Type(type.Item!) + ">(ref " + reader + ", " + ItemReader(cs, type.Item!, depth) + ")",
    };

    /// <summary>A <c>JsonReadFunc</c> for the elements of an array or the values of a map; null reads as the type's default.</summary>
    private static string ItemReader(CSharp cs, TypeModel item, int depth)
    {
        switch (item.Kind)
        {
            case TypeKind.String:
                return CSharp.JsonHelpers + ".ReadStringItem";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Boolean:
                return CSharp.JsonHelpers + ".Read" + item.Kind + "Item";
            case TypeKind.Json:
                return CSharp.JsonHelpers + ".ReadElement";
            case TypeKind.Enum:
            case TypeKind.Object:
                return cs.JsonClass + ".Read" + item.Name;
            default:
                var reader = "reader" + (depth + 1).ToString(CultureInfo.InvariantCulture);
                return "(ref " + CSharp.Json + "Utf8JsonReader " + reader + ") => " + ReadValue(cs, item, reader, depth + 1);
        }
    }

    private static void EmitWrite(SourceWriter writer, CSharp cs, ClassModel model)
    {
        writer.Open("public static void Write" + model.Name + "(" + CSharp.Json + "Utf8JsonWriter writer, " + cs.Named(model.Name) + " value)");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in model.Properties)
        {
            var access = "value." + property.Name;
            var condition = property.Type.Kind switch
            {
                TypeKind.Array or TypeKind.Map => property.Required ? null : access + " != null && " + access + ".Count > 0",
                _ when property.Required => null,
                TypeKind.String or TypeKind.Object => access + " != null",
                _ => access + ".HasValue",
            };
            var valueExpression = !property.Required && property.Type.IsValueType ? access + ".Value" : access;
            var statements = new List<string> { "writer.WritePropertyName(" + CSharp.Literal(property.JsonName) + ");" };
            statements.Add(WriteValue(cs, property.Type, valueExpression, "writer", 0) + ";");
            if (condition is null)
            {
                foreach (var statement in statements)
                {
                    writer.Line(statement);
                }
            }
            else
            {
                writer.Open("if (" + condition + ")");
                foreach (var statement in statements)
                {
                    writer.Line(statement);
                }

                writer.Close();
            }
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    /// <summary>An expression (without the semicolon) writing one value.</summary>
    public static string WriteValue(CSharp cs, TypeModel type, string value, string writer, int depth) => type.Kind switch
    {
        TypeKind.String => writer + ".WriteStringValue(" + value + ")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => writer + ".WriteNumberValue(" + value + ")",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ")",
        TypeKind.Json => value + ".WriteTo(" + writer + ")",
        TypeKind.Enum => writer + ".WriteStringValue(" + value + ".ToString())",
        TypeKind.Object => cs.JsonClass + ".Write" + type.Name + "(" + writer + ", " + value + ")",
        TypeKind.Array when type.Item!.Kind == TypeKind.String => CSharp.JsonHelpers + ".WriteStringList(" + writer + ", " + value + ")",
        TypeKind.Array => CSharp.JsonHelpers + ".WriteList<" + cs.Type(type.Item!) + ">(" + writer + ", " + value + ", " + ItemWriter(cs, type.Item!, depth) + ")",
        _ => CSharp.JsonHelpers + ".WriteMap<" + cs.Type(type.Item!) + ">(" + writer + ", " + value + ", " + ItemWriter(cs, type.Item!, depth) + ")",
    };

    private static string ItemWriter(CSharp cs, TypeModel item, int depth)
    {
        if (item.Kind == TypeKind.Object)
        {
            return cs.JsonClass + ".Write" + item.Name;
        }

        var suffix = (depth + 1).ToString(CultureInfo.InvariantCulture);
        return "(writer" + suffix + ", item" + suffix + ") => " + WriteValue(cs, item, "item" + suffix, "writer" + suffix, depth + 1);
    }

    private static void EmitValidate(SourceWriter writer, CSharp cs, ClassModel model)
    {
        writer.Open("public static void Validate" + model.Name + "(" + cs.Named(model.Name) + " value, string path)");
        foreach (var property in model.Properties)
        {
            EmitMemberChecks(writer, cs, property.Type, "value." + property.Name, property.Required, "path + " + CSharp.Literal(property.JsonName), property.Constraints, property.ItemConstraints);
        }

        writer.Close();
    }

    /// <summary>
    /// Required, constraint and nested-object checks for one member or parameter; shared by the DTO validators
    /// and the client's parameter checks so both enforce the same rules.
    /// </summary>
    public static void EmitMemberChecks(
        SourceWriter writer,
        CSharp cs,
        TypeModel type,
        string access,
        bool required,
        string nameExpression,
        ConstraintsModel constraints,
        ConstraintsModel itemConstraints)
    {
        var nullableValue = !required && type.IsValueType;
        if (required)
        {
            if (type.Kind is TypeKind.String or TypeKind.Object or TypeKind.Array or TypeKind.Map)
            {
                writer.Line(CSharp.Validation + ".Required(" + access + ", " + nameExpression + ");");
            }
            else if (type.Kind == TypeKind.Enum)
            {
                writer.Line("if (" + access + " == default(" + cs.Type(type) + "))");
                writer.Line("{");
                writer.Line("    throw " + CSharp.Validation + ".Missing(" + nameExpression + ");");
                writer.Line("}");
            }
        }

        foreach (var check in CSharp.ConstraintChecks(type, access, nullableValue, nameExpression, constraints))
        {
            writer.Line(check);
        }

        if (type.Kind == TypeKind.Object)
        {
            writer.Open("if (" + access + " != null)");
            writer.Line(cs.JsonClass + ".Validate" + type.Name + "(" + access + ", " + nameExpression + " + \".\");");
            writer.Close();
        }
        else if (type.Kind == TypeKind.Map && type.Item!.Kind == TypeKind.Object)
        {
            writer.Open("if (" + access + " != null)");
            writer.Open("foreach (var __entry in " + access + ")");
            writer.Line(cs.JsonClass + ".Validate" + type.Item.Name + "(__entry.Value, " + nameExpression + " + \".\" + __entry.Key + \".\");");
            writer.Close();
            writer.Close();
        }
        else if (type.Kind == TypeKind.Array && (type.Item!.Kind == TypeKind.Object || !itemConstraints.IsEmpty))
        {
            writer.Open("if (" + access + " != null)");
            writer.Open("for (var __index = 0; __index < " + access + ".Count; __index++)");
            var itemName = nameExpression + " + \"[\" + __index.ToString(" + CSharp.Invariant + ") + \"]\"";
            if (type.Item.Kind == TypeKind.Object)
            {
                writer.Line(cs.JsonClass + ".Validate" + type.Item.Name + "(" + access + "[__index], " + itemName + " + \".\");");
            }
            else
            {
                foreach (var check in CSharp.ConstraintChecks(type.Item, access + "[__index]", false, itemName, itemConstraints))
                {
                    writer.Line(check);
                }
            }

            writer.Close();
            writer.Close();
        }
    }
}
