using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// multipart/form-data request bodies: each property of the form's object schema becomes a parameter of the method,
/// sent as a file, as text, or as a JSON part (docs/generator.md, "Form uploads").
/// </summary>
internal sealed partial class ModelBuilder
{
    private const string FormMediaType = "multipart/form-data";
    private const string UrlEncodedMediaType = "application/x-www-form-urlencoded";

    /// <summary>A form method has no <c>body</c> or <c>progress</c>: a form part may take those names.</summary>
    private static readonly string[] FormMethodOwnParameters = { "cancellationToken" };

    /// <summary>The multipart/form-data media of a request body (parameters such as a boundary ignored).</summary>
    private static OpenApiMediaType? FormMedia(IDictionary<string, OpenApiMediaType> content) => MediaOf(content, FormMediaType);

    /// <summary>
    /// The application/x-www-form-urlencoded media of a request body, when its schema is an object with properties
    /// (one without is raw content the caller writes, as before).
    /// </summary>
    private OpenApiMediaType? UrlEncodedMedia(IDictionary<string, OpenApiMediaType> content, string pointer) =>
        MediaOf(content, UrlEncodedMediaType) is { Schema: { } schema } media && IsObject(schema) &&
        CollectProperties(schema, pointer).Properties is { Count: > 0 } properties && !properties.Any(p => IsFile(p.Schema))
            ? media
            : null;

    private static OpenApiMediaType? MediaOf(IDictionary<string, OpenApiMediaType> content, string mediaType) =>
        content
            .Where(pair => pair.Value is not null && MediaTypeName(pair.Key).Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Value)
            .FirstOrDefault();

    private static string MediaTypeName(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon)).Trim();
    }

    /// <summary>
    /// The form's parts as parameters in schema order, named in <paramref name="names"/>. Null (reported) when the
    /// schema is not an object with properties, or a required part cannot be sent; an optional one that cannot is
    /// left out and reported.
    /// </summary>
    /// <param name="urlEncoded">An application/x-www-form-urlencoded body: every field is text, and one the generator
    /// cannot write as text (an object, a file) is a string the caller formats.</param>
    private List<ArgumentModel>? BuildFormParts(
        OpenApiRequestBody requestBody, OpenApiMediaType media, string methodName, string pointer, string operationId, NameScope names, bool urlEncoded)
    {
        var subject = "The operation " + operationId;
        var schema = media.Schema;
        var schemaPointer = schema?.Reference is { IsExternal: false, Id: { } id }
            ? ComponentPointer(id)
            : pointer + "/content/" + JsonPointer.Escape(urlEncoded ? UrlEncodedMediaType : FormMediaType) + "/schema";
        var collected = schema is not null && IsObject(schema) ? CollectProperties(schema, schemaPointer) : null;
        if (collected is null || collected.Properties.Count == 0)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, subject, "its multipart/form-data body is not an object with properties");
            return null;
        }

        var parts = new List<ArgumentModel>();
        foreach (var (wireName, propertySchema, propertyPointer) in collected.Properties)
        {
            // Only a body that must be sent makes its required members required: an optional form may be left out whole.
            // Swagger 2.0's formData parameters say required each; the reader leaves the body it makes of them optional.
            var required = (requestBody.Required || _isSwagger2) && collected.IsRequiredToSend(wireName);
            if (urlEncoded)
            {
                parts.Add(UrlEncodedField(wireName, propertySchema, propertyPointer, required, methodName, names));
                continue;
            }

            if (propertySchema is { Type: "array" } && IsFile(propertySchema.Items))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, propertyPointer, "The form part '" + wireName + "' of " + operationId, "a part holding several files is not generated");
                if (required)
                {
                    return null;
                }

                continue;
            }

            parts.Add(IsFile(propertySchema)
                ? FileArgument(wireName, propertySchema!, propertyPointer, required, names)
                : FieldArgument(wireName, propertySchema, propertyPointer, required, methodName, names));
        }

        return parts;
    }

    /// <summary>
    /// A file: OpenAPI 3.0's binary string, or Swagger 2.0's <c>type: file</c>. (OpenAPI 3.1's <c>contentMediaType</c>
    /// cannot reach here: the reader does not read 3.1 specs, IOTDA101.)
    /// </summary>
    private static bool IsFile(OpenApiSchema? schema) =>
        schema is not null && (schema.Type == "file" || (schema.Type == "string" && schema.Format == "binary"));

    private ArgumentModel FileArgument(string wireName, OpenApiSchema schema, string pointer, bool required, NameScope names)
    {
        var name = ClaimParameterName(names, wireName, pointer);
        return new ArgumentModel(
            name, wireName, ArgumentRole.FormFile, TypeModel.String, required, !required, false,
            Docs.From(schema.Description ?? schema.Title) ?? "The file sent as the " + Docs.Code(wireName) + " part.",
            ConstraintsModel.None, ConstraintsModel.None);
    }

    /// <summary>A scalar, or an array of scalars (one pair per item), as text; anything else as the caller's text (IOTDA117).</summary>
    private ArgumentModel UrlEncodedField(string wireName, OpenApiSchema? schema, string pointer, bool required, string methodName, NameScope names)
    {
        // An object or a union is never typed here: a class made for it would be generated and never used.
        var isObject = schema is not null && ((IsObject(schema) && !IsMap(schema)) || IsUnion(schema));
        var typed = isObject ? null : FieldArgument(wireName, schema, pointer, required, methodName, names);
        if (typed is { Role: ArgumentRole.FormText })
        {
            return typed;
        }

        Report(DiagnosticDescriptors.CallerFormattedParameter, pointer, wireName, schema is null ? "none" : isObject ? "Object" : typed!.Type.Kind.ToString(), "urlencoded form");
        var description = typed?.Description ?? Docs.From(schema!.Description ?? schema.Title) ?? "The " + Docs.Code(wireName) + " field of the form.";
        return new ArgumentModel(
            typed?.Name ?? ClaimParameterName(names, wireName, pointer), wireName, ArgumentRole.FormText, TypeModel.String, required, !required, false,
            description + " The generator does not format this value: pass it as the text the API expects.",
            ConstraintsModel.None, ConstraintsModel.None);
    }

    /// <summary>A scalar, or an array of scalars, goes as text; anything else as JSON.</summary>
    private ArgumentModel FieldArgument(string wireName, OpenApiSchema? schema, string pointer, bool required, string methodName, NameScope names)
    {
        var type = TypeFor(schema, methodName, wireName, pointer);
        var asText = type.IsScalar || (type.Kind == TypeKind.Array && type.ItemType.IsScalar);
        var name = ClaimParameterName(names, wireName, pointer);
        return new ArgumentModel(
            name, wireName, asText ? ArgumentRole.FormText : ArgumentRole.FormJson, type, required, !required, false,
            Docs.From(schema?.Description ?? schema?.Title) ?? "The " + Docs.Code(wireName) + " part of the form.",
            ConstraintsFor(schema, type, pointer),
            ItemConstraintsFor(schema, type, pointer));
    }
}
