using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Runtime;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the spec's JSON readers and writers: Utf8JsonReader/Utf8JsonWriter code, no reflection.</summary>
internal static partial class JsonEmitter
{
    private const string Reader = "ref " + CSharp.Json + "Utf8JsonReader reader";
    private const string JsonTokenNull = CSharp.Json + "JsonTokenType.Null";

    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var writer = Emitter.Header(spec);
        writer.Line("/// <summary>JSON reading, writing and validation for the types of " + XmlText.Escape(spec.ClientName) + ".</summary>");
        writer.Line(Emitter.GeneratedCodeAttribute(spec));
        writer.Open("internal static partial class " + spec.ClientName + "Json");
        // A reader for what responses hold, a writer and validation for what request bodies hold: nothing calls more.
        var members = spec.Classes.Where(model => model.IsReceived || model.IsSent).Select(model => (Action)(() =>
                Emitter.Separated(writer, ClassMembers(writer, cs, model), write => write())))
            .Concat(spec.Enums.Where(model => model.IsReceived && !model.IsInteger).Select(model => (Action)(() => EmitEnumRead(writer, cs, model))))
            .Concat(spec.Operations.Where(operation => operation.Response is not null).Select(operation => (Action)(() => EmitResponseRead(writer, cs, operation))))
            .Concat(spec.UsesDates ? new Action[] { () => DateEmitter.EmitHelpers(writer, cs, spec) } : Array.Empty<Action>());
        Emitter.Separated(writer, members, write => write());
        writer.Close();
        return Emitter.Footer(writer);
    }

    private static IEnumerable<Action> ClassMembers(SourceWriter writer, CSharp cs, ClassModel model)
    {
        if (model.Polymorphism is { } polymorphism)
        {
            return PolymorphicMembers(writer, cs, model, polymorphism);
        }

        if (model.Union is { } union)
        {
            return UnionMembers(writer, cs, model, union);
        }

        return OwnMembers(writer, cs, model);
    }

    private static IEnumerable<Action> PolymorphicMembers(SourceWriter writer, CSharp cs, ClassModel model, PolymorphismModel polymorphism)
    {
        if (model.Properties.Count > 0)
        {
            yield return () => EmitNames(writer, cs, model);
        }

        if (model.IsReceived)
        {
            yield return () => PolymorphismEmitter.EmitRead(writer, cs, model, polymorphism);
        }

        if (model.Properties.Count > 0)
        {
            // The constructor of the base's Unknown calls it, wherever the base stands (JsonUsage marks it received).
            yield return () => PolymorphismEmitter.EmitFill(writer, cs, model);
        }

        if (model.IsSent)
        {
            yield return () => PolymorphismEmitter.EmitWrite(writer, cs, model, polymorphism);
            yield return () => PolymorphismEmitter.EmitValidate(writer, cs, model, polymorphism);
        }
    }

    private static IEnumerable<Action> UnionMembers(SourceWriter writer, CSharp cs, ClassModel model, UnionModel union)
    {
        if (model.IsReceived)
        {
            yield return () => UnionEmitter.EmitRead(writer, cs, model);
        }

        if (model.IsSent)
        {
            yield return () => UnionEmitter.EmitWrite(writer, cs, model, union);
            yield return () => UnionEmitter.EmitValidate(writer, cs, model, union);
        }
    }

    private static IEnumerable<Action> OwnMembers(SourceWriter writer, CSharp cs, ClassModel model)
    {
        if (model.Properties.Count > 0)
        {
            yield return () => EmitNames(writer, cs, model);
        }

        if (model.IsReceived)
        {
            yield return () => EmitRead(writer, cs, model);
        }

        if (model.IsSent)
        {
            yield return () => EmitWrite(writer, cs, model);
            yield return () => ValidationEmitter.WriteValidate(writer, cs, model);
        }
    }

    private static void EmitEnumRead(SourceWriter writer, CSharp cs, EnumModel model)
    {
        var type = cs.Named(model.Name);
        writer.Lines($$"""
            public static {{type}} Read{{model.Name}}({{Reader}}) =>
                reader.TokenType == {{JsonTokenNull}} ? default({{type}}) : new {{type}}({{CSharp.JsonHelpers}}.ReadString(ref reader) ?? string.Empty);
            """);
    }

    private static void EmitResponseRead(SourceWriter writer, CSharp cs, OperationModel operation)
    {
        var response = operation.Response!;
        writer.Lines($$"""
            public static {{cs.Type(response)}} ReadResponseOf{{operation.MethodName}}({{Reader}}) =>
                {{ReadMember(cs, response, required: true)}};
            """);
    }

    private static void EmitRead(SourceWriter writer, CSharp cs, ClassModel model)
    {
        var type = cs.Named(model.Name);
        writer.Open($"public static {type} Read{model.Name}({Reader})");
        writer.Line($"var result = new {type}();");
        EmitMemberReads(writer, cs, model);
        writer.Close();
    }

    /// <summary>
    /// The statements reading an object's members into <c>result</c>, which they return. A value without a required
    /// member, or JSON null for one, is refused; <paramref name="requiredCondition"/>, when given, is the expression
    /// that decides at run time whether a missing one is.
    /// </summary>
    public static void EmitMemberReads(SourceWriter writer, CSharp cs, ClassModel model, string? requiredCondition = null)
    {
        var checksRequired = ReadRequired(cs, model).Any();
        var check = requiredCondition is null ? "" : "if (" + requiredCondition + ") ";
        writer.Open($"if (!{CSharp.JsonHelpers}.StartObject(ref reader, {CSharp.Literal(model.Name)}))");
        if (checksRequired)
        {
            writer.Line($"{check}{NamesOf(model)}.EnsureNotNull({CSharp.Literal(model.Name)});");
        }

        writer.Line("return result;");
        writer.Close();
        writer.Line();
        var skip = CSharp.JsonHelpers + ".SkipValue(ref reader);";
        if (model.Properties.Count == 0)
        {
            writer.Open($"while ({CSharp.JsonHelpers}.NextProperty(ref reader))");
            writer.Lines("reader.Read();\n" + skip);
            writer.Close();
        }
        else
        {
            writer.Line("var member = -1;");
            if (checksRequired)
            {
                writer.Line($"var seen = default({CSharp.Runtime}JsonMembersSeen);");
            }

            writer.Open($"while ({NamesOf(model)}.Next(ref reader, ref member{(checksRequired ? ", ref seen, " + CSharp.Literal(model.Name) : "")}))");
            writer.Open("switch (member)");
            for (var index = 0; index < model.Properties.Count; index++)
            {
                var property = model.Properties[index];
                if (IsWellFormed(property.JsonName))
                {
                    writer.Line($"case {index}: result.{property.Name} = {ReadMember(cs, property.Type, property.Required)}; break;");
                }
            }

            writer.Line("default: " + skip + " break;");
            writer.Close();
            writer.Close();
            if (checksRequired)
            {
                writer.Line();
                writer.Line($"{check}{NamesOf(model)}.EnsureRequired(seen, {CSharp.Literal(model.Name)});");
            }
        }

        writer.Line();
        writer.Line("return result;");
    }

    /// <summary>Whether a name has a UTF-8 form to match and write (<see cref="JsonNameBytes"/>).</summary>
    private static bool IsWellFormed(string jsonName) => JsonNameBytes.TryEncode(jsonName) is not null;

    /// <summary>An expression reading a member; optional value types read JSON null as null.</summary>
    private static string ReadMember(CSharp cs, TypeModel type, bool required)
    {
        var value = ReadValue(cs, type, "reader", 0);
        return type.Kind switch
        {
            TypeKind.String => required ? value + " ?? string.Empty" : value,
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime
                or TypeKind.Date or TypeKind.Guid or TypeKind.IntEnum => required ? value + ".GetValueOrDefault()" : value,
            TypeKind.Uri or TypeKind.Bytes => required ? CSharp.JsonHelpers + ".Read" + type.Kind + "Item(ref reader)" : value,
            TypeKind.Array or TypeKind.Map => value,
            TypeKind.Json or TypeKind.Enum or TypeKind.Object => required
                ? value
                : "reader.TokenType == " + JsonTokenNull + " ? (" + cs.Type(type, nullable: true) + ")null : " + value,
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
        TypeKind.Int64 or TypeKind.Int64String => CSharp.JsonHelpers + ".ReadInt64(ref " + reader + ")",
        TypeKind.Single => CSharp.JsonHelpers + ".ReadSingle(ref " + reader + ")",
        TypeKind.Double => CSharp.JsonHelpers + ".ReadDouble(ref " + reader + ")",
        TypeKind.Boolean => CSharp.JsonHelpers + ".ReadBoolean(ref " + reader + ")",
        TypeKind.DateTime or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes => CSharp.JsonHelpers + ".Read" + type.Kind + "(ref " + reader + ")",
        TypeKind.Date => cs.JsonClass + ".ParseDate(ref " + reader + ")",
        TypeKind.Json => CSharp.JsonHelpers + ".ReadElement(ref " + reader + ")",
        TypeKind.Enum or TypeKind.Object => cs.JsonClass + ".Read" + type.Name + "(ref " + reader + ")",
        TypeKind.IntEnum => "((" + cs.Type(type, nullable: true) + ")" + CSharp.JsonHelpers + ".ReadInt64(ref " + reader + "))",
        TypeKind.Array => type.ItemType.Kind == TypeKind.String
            ? CSharp.JsonHelpers + ".ReadStringList(ref " + reader + ")"
            : CSharp.JsonHelpers + ".ReadList<" + cs.Type(type.ItemType) + ">(ref " + reader + ", " + ItemReader(cs, type.ItemType, depth) + ")",
        TypeKind.Map => CSharp.JsonHelpers + ".ReadMap<" + cs.Type(type.ItemType) + ">(ref " + reader + ", " + ItemReader(cs, type.ItemType, depth) + ")",
    };

    /// <summary>
    /// A <c>JsonReadFunc</c> for the elements of an array or the values of a map; null reads as the type's default.
    /// Always a lambda, never a method group: the compiler caches a lambda that captures nothing at every C#
    /// version, a method group's delegate only from C# 11 on, and generated code compiles down to C# 8, where a
    /// method group would be a new delegate on every call.
    /// </summary>
    public static string ItemReader(CSharp cs, TypeModel item, int depth)
    {
        var reader = Nested("reader", depth);
        var read = item.Kind switch
        {
            TypeKind.String => CSharp.JsonHelpers + ".ReadStringItem(ref " + reader + ")",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime
                or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes => CSharp.JsonHelpers + ".Read" + item.Kind + "Item(ref " + reader + ")",
            TypeKind.Date => cs.JsonClass + ".ParseDateItem(ref " + reader + ")",
            TypeKind.Int64String => CSharp.JsonHelpers + ".ReadInt64Item(ref " + reader + ")",
            TypeKind.Json => CSharp.JsonHelpers + ".ReadElement(ref " + reader + ")",
            TypeKind.Enum or TypeKind.Object => cs.JsonClass + ".Read" + item.Name + "(ref " + reader + ")",
            TypeKind.IntEnum => "(" + cs.Type(item) + ")" + CSharp.JsonHelpers + ".ReadInt64Item(ref " + reader + ")",
            TypeKind.Array or TypeKind.Map => ReadValue(cs, item, reader, depth + 1),
        };
        return "(ref " + CSharp.Json + "Utf8JsonReader " + reader + ") => " + read;
    }

    private static void EmitWrite(SourceWriter writer, CSharp cs, ClassModel model)
    {
        writer.Open($"public static void Write{model.Name}({CSharp.Json}Utf8JsonWriter writer, {cs.Named(model.Name)} value)");
        writer.Line("writer.WriteStartObject();");
        EmitMemberWrites(writer, cs, model);
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    /// <summary>The statements writing the members of <c>value</c> that are sent: required, assigned or set.</summary>
    public static void EmitMemberWrites(SourceWriter writer, CSharp cs, ClassModel model)
    {
        for (var index = 0; index < model.Properties.Count; index++)
        {
            var property = model.Properties[index];
            var access = "value." + property.Name;
            var name = $"{NamesOf(model)}[{index}]";
            var condition = property.Required ? null
                : property.Type.IsCollection ? ModelEmitter.Unassigned(cs, property.Type) + ".IsAssigned(" + access + ")"
                : property.Null switch
                {
                    NullHandling.SentWhenAssigned => "value." + property.TrackingField + ".IsAssigned",
                    NullHandling.AlwaysSent => null,
                    NullHandling.LeftOut => property.Type.IsValueType ? access + ".HasValue" : access + " != null",
                };
            var valueExpression = property.IsNullable && property.Type.IsValueType ? access + ".Value" : access;
            if (condition is not null)
            {
                writer.Open($"if ({condition})");
            }

            if (property.Null == NullHandling.LeftOut)
            {
                writer.Lines(WriteMember(cs, property, name, valueExpression));
            }
            else
            {
                // The null the caller assigned (or a required member's null) goes out as JSON null.
                writer.Open($"if ({access} == null)").Line(WriteNull(property, name)).Close();
                writer.Open("else").Lines(WriteMember(cs, property, name, valueExpression)).Close();
            }

            if (condition is not null)
            {
                writer.Close();
            }
        }
    }

    /// <summary>
    /// The statements writing one member: name and value in one writer call for scalars, the name and then the
    /// value for everything else. A name with no UTF-8 form is passed as its string (see <see cref="IsWellFormed"/>).
    /// </summary>
    private static string WriteMember(CSharp cs, PropertyModel property, string encodedName, string value)
    {
        if (!IsWellFormed(property.JsonName))
        {
            return $"writer.WritePropertyName({CSharp.Literal(property.JsonName)});\n{WriteValue(cs, property.Type, value, "writer", 0)};";
        }

        return property.Type.Kind switch
        {
            TypeKind.String => $"writer.WriteString({encodedName}, {value});",
            TypeKind.Enum => $"writer.WriteString({encodedName}, {value}.ToString());",
            TypeKind.IntEnum => $"writer.WriteNumber({encodedName}, (long){value});",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => $"writer.WriteNumber({encodedName}, {value});",
            TypeKind.Int64String => $"writer.WriteString({encodedName}, {value}.ToString({CSharp.Invariant}));",
            TypeKind.Boolean => $"writer.WriteBoolean({encodedName}, {value});",
            TypeKind.DateTime or TypeKind.Guid => $"writer.WriteString({encodedName}, {value});",
            TypeKind.Date => $"writer.WriteString({encodedName}, {cs.FormatDate(value)});",
            TypeKind.Uri => $"writer.WriteString({encodedName}, {value}.OriginalString);",
            TypeKind.Bytes => $"writer.WriteBase64String({encodedName}, {value});",
            _ => $"writer.WritePropertyName({encodedName});\n{WriteValue(cs, property.Type, value, "writer", 0)};",
        };
    }

    private static string WriteNull(PropertyModel property, string encodedName) =>
        "writer.WriteNull(" + (IsWellFormed(property.JsonName) ? encodedName : CSharp.Literal(property.JsonName)) + ");";

    /// <summary>An expression (without the semicolon) writing one value.</summary>
    public static string WriteValue(CSharp cs, TypeModel type, string value, string writer, int depth) => type.Kind switch
    {
        TypeKind.String => writer + ".WriteStringValue(" + value + ")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double => writer + ".WriteNumberValue(" + value + ")",
        TypeKind.Int64String => writer + ".WriteStringValue(" + value + ".ToString(" + CSharp.Invariant + "))",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ")",
        TypeKind.DateTime or TypeKind.Guid => writer + ".WriteStringValue(" + value + ")",
        TypeKind.Date => writer + ".WriteStringValue(" + cs.FormatDate(value) + ")",
        TypeKind.Uri => writer + ".WriteStringValue(" + value + ".OriginalString)",
        TypeKind.Bytes => writer + ".WriteBase64StringValue(" + value + ")",
        TypeKind.Json => value + ".WriteTo(" + writer + ")",
        TypeKind.Enum => writer + ".WriteStringValue(" + value + ".ToString())",
        TypeKind.IntEnum => writer + ".WriteNumberValue((long)" + value + ")",
        TypeKind.Object => cs.JsonClass + ".Write" + type.Name + "(" + writer + ", " + value + ")",
        TypeKind.Array => type.ItemType.Kind == TypeKind.String
            ? CSharp.JsonHelpers + ".WriteStringList(" + writer + ", " + value + ")"
            : CSharp.JsonHelpers + ".WriteList<" + cs.Type(type.ItemType) + ">(" + writer + ", " + value + ", " + ItemWriter(cs, type.ItemType, depth) + ")",
        TypeKind.Map => CSharp.JsonHelpers + ".WriteMap<" + cs.Type(type.ItemType) + ">(" + writer + ", " + value + ", " + ItemWriter(cs, type.ItemType, depth) + ")",
    };

    /// <summary>The writer of one element or map value: a lambda for every kind, cached at any C# version (see <see cref="ItemReader"/>).</summary>
    private static string ItemWriter(CSharp cs, TypeModel item, int depth) =>
        "(" + Nested("writer", depth) + ", " + Nested("item", depth) + ") => " + WriteValue(cs, item, Nested("item", depth), Nested("writer", depth), depth + 1);

    /// <summary>A lambda parameter one level deeper than <paramref name="depth"/>, so nested lambdas do not shadow.</summary>
    private static string Nested(string name, int depth) => name + (depth + 1).ToString(CultureInfo.InvariantCulture);
}
