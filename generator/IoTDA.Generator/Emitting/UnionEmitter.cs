using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// A union: the class keeps either the JSON it came as or the alternative it was made from (its place in the list
/// and the value), and each <c>As</c> method answers the value as one alternative or null; its JSON code reads the
/// JSON whole, writes the alternative it holds, and checks that alternative by its own rules.
/// </summary>
internal static class UnionEmitter
{
    private const string JsonElement = CSharp.Json + "JsonElement";
    private const string JsonValueKind = CSharp.Json + "JsonValueKind.";

    public static void EmitClass(SourceWriter writer, CSharp cs, SpecModel spec, ClassModel model, UnionModel union)
    {
        var shapes = string.Join(", ", union.Alternatives.Select(alternative => Describe(cs, alternative.Type)));
        var json = union.JsonProperty;
        var others = union.HasUntypedAlternative ? " It may also be a value of a shape no C# type here stands for: read it from <see cref=\"" + json + "\"/>." : "";
        writer.Doc("summary", model.Description);
        writer.Lines($$"""
            /// <remarks>
            /// One of: {{shapes}}.{{others}}
            /// No member tells them apart, so a value read keeps its JSON, and each <c>As</c> method reads it as one of them when asked.
            /// </remarks>
            {{Emitter.GeneratedCodeAttribute(spec)}}
            """);
        writer.Open(CSharp.Accessibility(spec) + " sealed partial class " + model.Name);
        // With no typed alternative there is only the JSON: no field would ever be set.
        if (union.Alternatives.Count > 0)
        {
            writer.Lines("""
                /// <summary>The place in the list of alternatives of the one this value was made from; -1 for a value kept as JSON.</summary>
                internal readonly int _Alternative = -1;

                /// <summary>The alternative's value, for a value made from one.</summary>
                internal readonly object? _Value;

                """);
        }

        writer.Lines($$"""
            /// <summary>Keeps JSON as it is, to be read through the <c>As</c> methods or sent unchanged.</summary>
            /// <param name="json">Any JSON value but an undefined element.</param>
            public {{model.Name}}({{JsonElement}} json)
            {
                {{json}} = json.ValueKind == {{JsonValueKind}}Undefined
                    ? throw new global::System.ArgumentException("An undefined JsonElement holds no JSON to send.", nameof(json))
                    : json;
            }

            /// <summary>The JSON this value was read or made from; null for a value made from one of the alternatives.</summary>
            public {{JsonElement}}? {{json}} { get; }
            """);
        for (var index = 0; index < union.Alternatives.Count; index++)
        {
            writer.Line();
            EmitAlternative(writer, cs, model, union, index);
        }

        writer.Close();
    }

    private static void EmitAlternative(SourceWriter writer, CSharp cs, ClassModel model, UnionModel union, int index)
    {
        var alternative = union.Alternatives[index];
        var type = cs.Type(alternative.Type);
        var place = CSharp.Literal(index);
        var store = alternative.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
        var shape = Describe(cs, alternative.Type);
        writer.Lines($$"""
            /// <summary>A value of the alternative {{shape}}, sent as one.</summary>
            /// <param name="value">The alternative's value.</param>
            public {{model.Name}}({{type}} value)
            {
                _Value = {{store}};
                _Alternative = {{place}};
            }

            """);
        // C# allows no conversion from an interface: a list or map alternative is made with the constructor.
        if (!alternative.Type.IsCollection)
        {
            writer.Lines($$"""
                /// <summary>A value of the alternative {{shape}}.</summary>
                public static implicit operator {{model.Name}}({{type}} value) => new {{model.Name}}(value);

                """);
        }

        var required = string.Concat(alternative.RequiredMembers.Select(member => ", " + CSharp.Literal(member)));
        var none = alternative.Type.IsValueType ? "(" + cs.Type(alternative.Type, nullable: true) + ")null" : "null";
        writer.Lines($$"""
            /// <summary>The value as {{shape}}: the one it was made from, or its JSON read as one; null when it is neither.</summary>
            public {{cs.Type(alternative.Type, nullable: true)}} As{{alternative.Name}}() =>
                _Alternative == {{place}} ? ({{type}})_Value!
                : {{CSharp.JsonHelpers}}.TryReadAlternative({{union.JsonProperty}}, {{JsonValueKind}}{{KindOf(alternative)}}, {{JsonEmitter.ItemReader(cs, alternative.Type, 0)}}, out var value{{required}}) ? value
                : {{none}};
            """);
    }

    public static void EmitRead(SourceWriter writer, CSharp cs, ClassModel model) =>
        writer.Lines($$"""
            public static {{cs.Named(model.Name)}} Read{{model.Name}}(ref {{CSharp.Json}}Utf8JsonReader reader) =>
                new {{cs.Named(model.Name)}}({{CSharp.JsonHelpers}}.ReadElement(ref reader));
            """);

    public static void EmitWrite(SourceWriter writer, CSharp cs, ClassModel model, UnionModel union)
    {
        writer.Open($"public static void Write{model.Name}({CSharp.Json}Utf8JsonWriter writer, {cs.Named(model.Name)} value)");
        var asItCame = $"value.{union.JsonProperty}.GetValueOrDefault().WriteTo(writer);";
        if (union.Alternatives.Count == 0)
        {
            writer.Line(asItCame);
            writer.Close();
            return;
        }

        writer.Open("switch (value._Alternative)");
        for (var index = 0; index < union.Alternatives.Count; index++)
        {
            var type = union.Alternatives[index].Type;
            writer.Line($"case {CSharp.Literal(index)}: {JsonEmitter.WriteValue(cs, type, "((" + cs.Type(type) + ")value._Value!)", "writer", 0)}; break;");
        }

        writer.Line("default: " + asItCame + " break;");
        writer.Close();
        writer.Close();
    }

    /// <summary>An alternative is checked by its own rules; JSON kept as it is has none to break.</summary>
    public static void EmitValidate(SourceWriter writer, CSharp cs, ClassModel model, UnionModel union)
    {
        writer.Open($"public static void Validate{model.Name}({cs.Named(model.Name)} value, string path)");
        var checkedOnes = Enumerable.Range(0, union.Alternatives.Count)
            .Where(index => union.Alternatives[index] is var alternative &&
                ValidationEmitter.HasMemberChecks(alternative.Type, alternative.Constraints, alternative.ItemConstraints))
            .ToList();
        if (checkedOnes.Count > 0)
        {
            if (checkedOnes.Any(index => union.Alternatives[index].Type.Kind != TypeKind.Object))
            {
                // The path ends in the dot that members are named after; the alternative itself is named without it.
                writer.Line("var name = path.Length == 0 ? \"body\" : path.Substring(0, path.Length - 1);");
            }

            writer.Open("switch (value._Alternative)");
            foreach (var index in checkedOnes)
            {
                var alternative = union.Alternatives[index];
                writer.Open($"case {CSharp.Literal(index)}:");
                writer.Line($"var alternative = ({cs.Type(alternative.Type)})value._Value!;");
                if (alternative.Type.Kind == TypeKind.Object)
                {
                    writer.Line($"{cs.JsonClass}.Validate{alternative.Type.Name}(alternative, path);");
                }
                else
                {
                    ValidationEmitter.WriteMemberChecks(writer, cs, alternative.Type, "alternative", true, "name", alternative.Constraints, alternative.ItemConstraints);
                }

                writer.Line("break;");
                writer.Close();
            }

            writer.Close();
        }

        writer.Close();
    }

    /// <summary>The JSON kind the alternative is written as; <c>Undefined</c> (any) for a union, <c>True</c> for either boolean.</summary>
    private static string KindOf(AlternativeModel alternative) => alternative.ReadsAnyJson ? "Undefined" : alternative.Type.Kind switch
    {
        TypeKind.Object => "Object",
        TypeKind.Map => "Object",
        TypeKind.Array => "Array",
        TypeKind.String or TypeKind.Int64String or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Enum => "String",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.IntEnum => "Number",
        TypeKind.Boolean => "True",
        TypeKind.Json => "Undefined",
    };

    /// <summary>An alternative in a doc comment: a link to a generated type, a list or map of one, else the .NET type.</summary>
    private static string Describe(CSharp cs, TypeModel type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.IntEnum => "<see cref=\"" + cs.Named(type.Name) + "\"/>",
        TypeKind.Array => "a list of " + Describe(cs, type.ItemType),
        TypeKind.Map => "a map of " + Describe(cs, type.ItemType),
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
            or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json =>
            "<c>" + XmlText.Escape(cs.Type(type).Replace("global::", "")) + "</c>",
    };
}
