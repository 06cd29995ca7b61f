using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the DTO classes and the extensible enums.</summary>
internal static class ModelEmitter
{
    public static string EmitClasses(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var writer = Emitter.Header(spec);
        var first = true;
        foreach (var model in spec.Classes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitClass(writer, cs, model, CSharp.Accessibility(spec));
        }

        return Emitter.Footer(writer);
    }

    public static string EmitEnums(SpecModel spec)
    {
        var writer = Emitter.Header(spec);
        var first = true;
        foreach (var model in spec.Enums)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitEnum(writer, new CSharp(spec), model, CSharp.Accessibility(spec));
        }

        return Emitter.Footer(writer);
    }

    private static void EmitClass(SourceWriter writer, CSharp cs, ClassModel model, string accessibility)
    {
        writer.Doc("summary", model.Description ?? "The " + model.Name + " schema of the spec.");
        writer.Line(Emitter.GeneratedCodeAttribute);
        writer.Open(accessibility + " sealed partial class " + model.Name);
        var first = true;
        foreach (var property in model.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Doc("summary", property.Description ?? "The <c>" + property.JsonName + "</c> member.");
            if (property.Type.IsCollection && !property.Required)
            {
                writer.Line("/// <remarks>Never null: an absent " + (property.Type.Kind == TypeKind.Map ? "map" : "array") + " reads as empty, and an empty one is not sent.</remarks>");
            }

            writer.Line("[" + CSharp.Json + "Serialization.JsonPropertyName(" + CSharp.Literal(property.JsonName) + ")]");
            foreach (var attribute in CSharp.ConstraintAttributes(property.JsonName, property.Constraints))
            {
                writer.Line("[" + attribute + "]");
            }

            writer.Line("public " + PropertyType(cs, property) + " " + property.Name + " { get; set; }" + Initializer(cs, property));
        }

        writer.Close();
    }

    public static string PropertyType(CSharp cs, PropertyModel property) =>
        cs.Type(property.Type, nullable: !property.Required && !property.Type.IsCollection);

    private static string Initializer(CSharp cs, PropertyModel property) => property.Type.Kind switch
    {
        TypeKind.Array => " = global::System.Array.Empty<" + cs.Type(property.Type.Item!) + ">();",
        TypeKind.Map => " = new global::System.Collections.Generic.Dictionary<string, " + cs.Type(property.Type.Item!) + ">();",
        TypeKind.String or TypeKind.Object when property.Required => " = null!;",
        _ => "",
    };

    private static void EmitEnum(SourceWriter writer, CSharp cs, EnumModel model, string accessibility)
    {
        var self = cs.Named(model.Name);
        writer.Doc("summary", model.Description ?? "The values of " + model.Name + ".");
        writer.Line("/// <remarks>");
        writer.Line("/// An extensible enum: a value the service adds later reads and writes back unchanged.");
        writer.Line("/// Any string converts to it; <see cref=\"ToString\"/> gives the value as sent.");
        writer.Line("/// </remarks>");
        writer.Line("[" + CSharp.Json + "Serialization.JsonConverter(typeof(" + self + ".Converter))]");
        writer.Line(Emitter.GeneratedCodeAttribute);
        writer.Open(accessibility + " readonly partial struct " + model.Name + " : global::System.IEquatable<" + self + ">");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps a value as sent on the wire.</summary>");
        writer.Line("/// <param name=\"value\">The wire value.</param>");
        writer.Open("public " + model.Name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        foreach (var member in model.Members)
        {
            writer.Line();
            writer.Line("/// <summary>The value <c>" + SourceWriter.Xml(member.Value) + "</c>.</summary>");
            writer.Line("public static " + self + " " + member.Name + " { get; } = new " + self + "(" + CSharp.Literal(member.Value) + ");");
        }

        writer.Line();
        writer.Line("/// <summary>Wraps a value as sent on the wire.</summary>");
        writer.Line("/// <param name=\"value\">The wire value.</param>");
        writer.Line("public static implicit operator " + self + "(string value) => new " + self + "(value);");
        writer.Line();
        writer.Line("/// <summary>Whether two values are the same wire value (ordinal, case-sensitive).</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Whether two values differ.</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + self + " other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
        writer.Line();
        writer.Line("/// <summary>The wire value; empty for a default instance.</summary>");
        writer.Line("public override string ToString() => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Reads and writes the wire value for System.Text.Json, without reflection.</summary>");
        writer.Open("public sealed class Converter : " + CSharp.Json + "Serialization.JsonConverter<" + self + ">");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + self + " Read(ref " + CSharp.Json + "Utf8JsonReader reader, global::System.Type typeToConvert, " + CSharp.Json + "JsonSerializerOptions options) =>");
        writer.Line("    new " + self + "(reader.GetString() ?? string.Empty);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override void Write(" + CSharp.Json + "Utf8JsonWriter writer, " + self + " value, " + CSharp.Json + "JsonSerializerOptions options) =>");
        writer.Line("    writer.WriteStringValue(value.ToString());");
        writer.Close();
        writer.Close();
    }
}
