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
            if (property.TrackingField is { } field)
            {
                var tracked = CSharp.Runtime + "Assignable<" + type + ">";
                writer.Line("public " + type + " " + property.Name + " { get => " + field + ".Value; set => " + field + " = new " + tracked + "(value); }");
                writer.Line();
                writer.Line("internal " + tracked + " " + field + ";");
            }
            else
            {
                writer.Line("public " + type + " " + property.Name + " { get; set; }" + Initializer(cs, property));
            }
        });
        writer.Close();
    }

    private static string Initializer(CSharp cs, PropertyModel property) => property.Type.Kind switch
    {
        TypeKind.Array => property.Required ? " = global::System.Array.Empty<" + cs.Type(property.Type.ItemType) + ">();" : " = " + Unassigned(cs, property.Type) + ".List;",
        TypeKind.Map => property.Required ? " = new global::System.Collections.Generic.Dictionary<string, " + cs.Type(property.Type.ItemType) + ">();" : " = " + Unassigned(cs, property.Type) + ".Map;",
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Object => property.Required ? " = null!;" : "",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime
            or TypeKind.Guid or TypeKind.Json or TypeKind.Enum => "",
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
