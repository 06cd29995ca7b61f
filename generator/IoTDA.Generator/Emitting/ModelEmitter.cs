using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the DTO classes.</summary>
internal static class ModelEmitter
{
    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var writer = Emitter.Header(spec);
        Emitter.Separated(writer, spec.Classes, model => EmitClass(writer, cs, spec, model));
        return Emitter.Footer(writer);
    }

    private static void EmitClass(SourceWriter writer, CSharp cs, SpecModel spec, ClassModel model)
    {
        if (model.Polymorphism is { } polymorphism)
        {
            EmitBase(writer, cs, spec, model, polymorphism);
            return;
        }

        if (model.Union is { } union)
        {
            UnionEmitter.EmitClass(writer, cs, spec, model, union);
            return;
        }

        writer.Doc("summary", model.Description);
        writer.Line(Emitter.GeneratedCodeAttribute(spec));
        writer.Open(CSharp.Accessibility(spec) + " sealed partial class " + model.Name + (model.BaseName is { } baseName ? " : " + cs.Named(baseName) : ""));
        Emitter.Separated(writer, model.Properties.Where(property => !property.IsInherited), property => EmitProperty(writer, cs, property));
        writer.Close();
    }

    private static void EmitProperty(SourceWriter writer, CSharp cs, PropertyModel property)
    {
        writer.Doc("summary", property.Description);
        if (property.Type.IsCollection && !property.Required)
        {
            var collection = property.Type.Kind == TypeKind.Map ? "map" : "array";
            writer.Line("/// <remarks>Never null: an absent " + collection + " reads as empty. One you assign is sent, even empty; one never assigned is left out.</remarks>");
        }
        else if (NullRemark(property.Null) is { } remark)
        {
            writer.Line("/// <remarks>" + remark + "</remarks>");
        }

        writer.Line("[" + CSharp.Json + "Serialization.JsonPropertyName(" + CSharp.Literal(property.JsonName) + ")]");
        foreach (var attribute in CSharp.ConstraintAttributes(property.JsonName, property.Constraints))
        {
            writer.Line("[" + attribute + "]");
        }

        var type = cs.Type(property.Type, property.IsNullable);
        var modifiers = property.HidesBaseMember ? "public new " : "public ";
        if (property.TrackingField is { } field)
        {
            var tracked = CSharp.Runtime + "Assignable<" + type + ">";
            writer.Line(modifiers + type + " " + property.Name + " { get => " + field + ".Value; set => " + field + " = new " + tracked + "(value); }");
            writer.Line();
            // A variant's discriminator starts assigned, as the value that names the variant.
            var start = property.DiscriminatorValue is { } value ? " = new " + tracked + "(" + CSharp.Literal(value) + ")" : "";
            writer.Line("internal " + tracked + " " + field + start + ";");
        }
        else
        {
            writer.Line(modifiers + type + " " + property.Name + " { get; set; }" + Initializer(cs, property));
        }
    }

    /// <summary>
    /// The abstract base: a constructor only its variants reach, the nested class a value of a kind the spec does not
    /// list reads into, kept whole so it can be sent back as it came, and the members a base its variants include
    /// declares (a <c>oneOf</c> base has none).
    /// </summary>
    private static void EmitBase(SourceWriter writer, CSharp cs, SpecModel spec, ClassModel model, PolymorphismModel polymorphism)
    {
        var kinds = string.Join(", ", polymorphism.Variants.Select(v => "<see cref=\"" + cs.Named(v.ClassName) + "\"/> (<c>" + XmlText.Escape(v.Value) + "</c>)"));
        var unknown = cs.Named(model.Name) + "." + polymorphism.UnknownName;
        writer.Doc("summary", model.Description);
        writer.Lines($$"""
            /// <remarks>
            /// One of several shapes, told apart by the member <c>{{XmlText.Escape(polymorphism.DiscriminatorJsonName)}}</c>: {{kinds}}.
            /// A value of any other kind reads as <see cref="{{unknown}}"/>.
            /// </remarks>
            {{Emitter.GeneratedCodeAttribute(spec)}}
            """);
        var hasMembers = model.Properties.Count > 0;
        var summary = hasMembers
            ? "A value of a kind this client does not know, kept as it came. The members every kind shares are read from its JSON; when it is sent, their values take the place of the JSON's, and the rest of the JSON goes as it came."
            : "A value of a kind this client does not know, as it came, so that it goes back unchanged.";
        var constructor = hasMembers
            ? "Keeps a value as it came, and reads the members every kind shares from it."
            : "Keeps a value as it came.";
        var exception = hasMembers ? "\n    /// <exception cref=\"" + CSharp.Json + "JsonException\">A shared member's value is not of its type.</exception>" : "";
        // A shared member named Json is hidden inside Unknown by the JSON it keeps (CS0108 otherwise).
        var hides = model.Properties.Any(property => property.Name == "Json") ? "new " : "";
        writer.Open(CSharp.Accessibility(spec) + " abstract partial class " + model.Name);
        writer.Lines($$"""
            private protected {{model.Name}}()
            {
            }

            /// <summary>{{summary}}</summary>
            public sealed class {{polymorphism.UnknownName}} : {{cs.Named(model.Name)}}
            {
                /// <summary>{{constructor}}</summary>
                /// <param name="json">The value's JSON.</param>{{exception}}
                public {{polymorphism.UnknownName}}({{CSharp.Json}}JsonElement json)
            """);
        if (hasMembers)
        {
            // Made from an answer, the value is held to the spec's required members; made by a caller, it need not be.
            writer.Lines($$"""
                        : this(json, requireAll: false)
                    {
                    }

                    internal {{polymorphism.UnknownName}}({{CSharp.Json}}JsonElement json, bool requireAll)
                    {
                        Json = json;
                        {{cs.JsonClass}}.Fill{{model.Name}}(json, this, requireAll);
                    }
                """);
        }
        else
        {
            writer.Lines("""
                    {
                        Json = json;
                    }
                """);
        }

        writer.Lines($$"""

                /// <summary>The value's JSON.</summary>
                public {{hides}}{{CSharp.Json}}JsonElement Json { get; }
            }
            """);
        foreach (var property in model.Properties)
        {
            writer.Line();
            EmitProperty(writer, cs, property);
        }

        writer.Close();
    }

    private static string Initializer(CSharp cs, PropertyModel property) =>
        property.DiscriminatorValue is { } discriminator ? " = " + CSharp.Literal(discriminator) + ";" : TypeInitializer(cs, property);

    private static string TypeInitializer(CSharp cs, PropertyModel property) => property.Type.Kind switch
    {
        TypeKind.Array => property.Required ? " = global::System.Array.Empty<" + cs.Type(property.Type.ItemType) + ">();" : " = " + Unassigned(cs, property.Type) + ".List;",
        TypeKind.Map => property.Required ? " = new global::System.Collections.Generic.Dictionary<string, " + cs.Type(property.Type.ItemType) + ">();" : " = " + Unassigned(cs, property.Type) + ".Map;",
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Object => property.Required ? " = null!;" : "",
        // A required boolean that allows one value starts as it, so the caller need not set it.
        TypeKind.Boolean => property.Required && property.Constraints.AllowedValues.Count == 1 ? " = " + property.Constraints.AllowedValues[0] + ";" : "",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.DateTime or TypeKind.Date
            or TypeKind.Guid or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum => "",
    };

    private static string? NullRemark(NullHandling handling) => handling switch
    {
        NullHandling.SentWhenAssigned => "Once assigned, even null, the member is sent (null as JSON null); never assigned, it is left out.",
        NullHandling.AlwaysSent => "Always sent: null goes out as JSON null.",
        NullHandling.LeftOut => null,
    };

    /// <summary>The runtime's never-assigned collections of the item type (the JSON writer tells them apart).</summary>
    public static string Unassigned(CSharp cs, TypeModel collection) => CSharp.Runtime + "Unassigned<" + cs.Type(collection.ItemType) + ">";
}
