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
        writer.Doc("summary", model.Description);
        writer.Line(Emitter.GeneratedCodeAttribute(spec));
        writer.Open(CSharp.Accessibility(spec) + " sealed partial class " + model.Name);
        Emitter.Separated(writer, model.Properties, property =>
        {
            writer.Doc("summary", property.Description);
            if (property.Type.IsCollection && !property.Required)
            {
                writer.Line("/// <remarks>Never null: an absent " + (property.Type.Kind == TypeKind.Map ? "map" : "array") + " reads as empty, and an empty one is not sent.</remarks>");
            }

            writer.Line("[" + CSharp.Json + "Serialization.JsonPropertyName(" + CSharp.Literal(property.JsonName) + ")]");
            foreach (var attribute in CSharp.ConstraintAttributes(property.JsonName, property.Constraints))
            {
                writer.Line("[" + attribute + "]");
            }

            writer.Line("public " + cs.Type(property.Type, property.IsNullable) + " " + property.Name + " { get; set; }" + Initializer(cs, property));
        });
        writer.Close();
    }

    private static string Initializer(CSharp cs, PropertyModel property) => property.Type.Kind switch
    {
        TypeKind.Array => " = global::System.Array.Empty<" + cs.Type(property.Type.ItemType) + ">();",
        TypeKind.Map => " = new global::System.Collections.Generic.Dictionary<string, " + cs.Type(property.Type.ItemType) + ">();",
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Object => property.Required ? " = null!;" : "",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime
            or TypeKind.Guid or TypeKind.Json or TypeKind.Enum => "",
    };
}
