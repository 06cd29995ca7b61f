using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// The JSON code of an abstract base: reading looks ahead for the discriminator and hands the object to its variant's
/// reader; writing and validation hand the value to its variant's writer and validator. A value of a kind the spec
/// does not list is kept as its JSON, and the members a base declares are read, written and checked on it as well.
/// </summary>
internal static class PolymorphismEmitter
{
    public static void EmitRead(SourceWriter writer, CSharp cs, ClassModel model, PolymorphismModel polymorphism)
    {
        var type = cs.Named(model.Name);
        writer.Open($"public static {type} Read{model.Name}(ref {CSharp.Json}Utf8JsonReader reader)");
        writer.Open($"switch ({CSharp.JsonHelpers}.ReadDiscriminator(reader, {CSharp.Literal(polymorphism.DiscriminatorJsonName)}))");
        foreach (var variant in polymorphism.Variants)
        {
            writer.Line($"case {CSharp.Literal(variant.Value)}: return {cs.JsonClass}.Read{variant.ClassName}(ref reader);");
        }

        // A base with members reads them in the constructor of its Unknown, which holds an answer to the spec's rules.
        var answer = model.Properties.Count > 0 ? ", requireAll: true" : "";
        writer.Line($"default: return new {type}.{polymorphism.UnknownName}({CSharp.JsonHelpers}.ReadElement(ref reader){answer});");
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// Reads the members every kind shares from the JSON of a value of a kind the spec does not list; an answer must
    /// hold the required ones, a value the caller makes to send need not (<c>requireAll</c>).
    /// </summary>
    public static void EmitFill(SourceWriter writer, CSharp cs, ClassModel model)
    {
        var type = cs.Named(model.Name);
        writer.Open($"public static {type} Fill{model.Name}({CSharp.Json}JsonElement json, {type} result, bool requireAll)");
        writer.Lines($$"""
            if (json.ValueKind != {{CSharp.Json}}JsonValueKind.Object)
            {
                return result;
            }

            var reader = {{CSharp.JsonHelpers}}.ReaderOver(json);
            """);
        JsonEmitter.EmitMemberReads(writer, cs, model, requiredCondition: "requireAll");
        writer.Close();
    }

    public static void EmitWrite(SourceWriter writer, CSharp cs, ClassModel model, PolymorphismModel polymorphism)
    {
        var type = cs.Named(model.Name);
        writer.Open($"public static void Write{model.Name}({CSharp.Json}Utf8JsonWriter writer, {type} value)");
        writer.Open("switch (value)");
        foreach (var variant in Classes(polymorphism))
        {
            writer.Line($"case {cs.Named(variant.ClassName)} variant: {cs.JsonClass}.Write{variant.ClassName}(writer, variant); break;");
        }

        if (model.Properties.Count == 0)
        {
            writer.Line($"case {type}.{polymorphism.UnknownName} unknown: unknown.Json.WriteTo(writer); break;");
        }
        else
        {
            // A JSON null or other non-object goes back as it came; an object with its shared members as they are now,
            // then whatever else its JSON holds.
            writer.Line($"case {type}.{polymorphism.UnknownName} unknown when unknown.Json.ValueKind != {CSharp.Json}JsonValueKind.Object: unknown.Json.WriteTo(writer); break;");
            writer.Open($"case {type}.{polymorphism.UnknownName} unknown:");
            writer.Line("writer.WriteStartObject();");
            JsonEmitter.EmitMemberWrites(writer, cs, model);
            writer.Lines($"""
                {JsonEmitter.NamesOf(model)}.WriteOthers(writer, unknown.Json);
                writer.WriteEndObject();
                break;
                """);
            writer.Close();
        }

        writer.Lines($$"""
            case null: throw new global::System.ArgumentNullException(nameof(value), "A {{model.Name}} in a request may not be null.");
            default: throw new global::System.ArgumentException("A " + value.GetType().Name + " is not one of the kinds of {{model.Name}} the spec lists, so it has no JSON form.", nameof(value));
            """);
        writer.Close();
        writer.Close();
    }

    /// <summary>A variant is checked by its own rules; a value kept as it came has none to break.</summary>
    public static void EmitValidate(SourceWriter writer, CSharp cs, ClassModel model, PolymorphismModel polymorphism)
    {
        writer.Open($"public static void Validate{model.Name}({cs.Named(model.Name)} value, string path)");
        writer.Open("switch (value)");
        foreach (var variant in Classes(polymorphism))
        {
            writer.Line($"case {cs.Named(variant.ClassName)} variant: {cs.JsonClass}.Validate{variant.ClassName}(variant, path); break;");
        }

        if (model.Properties.Count > 0)
        {
            // A value of an unknown kind has the shared members to check, unless it is sent as the non-object it came
            // as; null is left to the writer, which names it.
            writer.Lines($"""
                case null: break;
                case {cs.Named(model.Name)}.{polymorphism.UnknownName} unknown when unknown.Json.ValueKind != {CSharp.Json}JsonValueKind.Object: break;
                """);
            writer.Open("default:");
            ValidationEmitter.EmitMemberChecks(writer, cs, model);
            writer.Line("break;");
            writer.Close();
        }

        writer.Close();
        writer.Close();
    }

    /// <summary>Each variant class once: the mapping may give one several values.</summary>
    private static IEnumerable<VariantModel> Classes(PolymorphismModel polymorphism) =>
        polymorphism.Variants.GroupBy(variant => variant.ClassName, StringComparer.Ordinal).Select(group => group.First());
}
