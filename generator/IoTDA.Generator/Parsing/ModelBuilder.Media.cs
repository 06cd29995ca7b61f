using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>Which response and which media type an operation's method reads and sends.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>
    /// The first 2xx response (else <c>default</c>): its JSON type, its other media type (<paramref name="raw"/>: text
    /// or a stream), or none for an empty answer.
    /// </summary>
    private void SuccessResponse(
        OpenApiOperation operation, string methodName, string pointer, string operationId, out TypeModel? type, out RawContent? raw, out string? description, out EquatableArray<int>? statuses)
    {
        type = null;
        raw = null;
        description = null;
        statuses = null;
        var responses = operation.Responses ?? new OpenApiResponses();
        var success = responses
            .Where(pair => pair.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (KeyValuePair<string, OpenApiResponse>?)pair)
            .FirstOrDefault();
        if (success is null && responses.TryGetValue("default", out var fallback))
        {
            success = new KeyValuePair<string, OpenApiResponse>("default", fallback);
        }

        if (success is not { Value: not null } chosen)
        {
            return;
        }

        description = Docs.From(chosen.Value.Description);
        if (chosen.Value.Content.Count == 0)
        {
            return;
        }

        var media = JsonMedia(chosen.Value.Content);
        if (media is null && chosen.Value.Content.Values.All(m => m?.Schema is null))
        {
            return;
        }

        if (media is null)
        {
            raw = RawMedia(chosen.Value.Content, "The answer of " + operationId, pointer + "/responses/" + JsonPointer.Escape(chosen.Key));
            return;
        }

        type = TypeFor(media.Schema, methodName, "Response", pointer + "/responses/" + JsonPointer.Escape(chosen.Key));
        statuses = chosen.Key == "default" ? null : StatusesOf(responses, media.Schema);
    }

    /// <summary>
    /// The success statuses (three digits, 200 to 299) whose JSON answer is <paramref name="schema"/>; null when a range
    /// (<c>2XX</c>) is one of them, which stands for any success status.
    /// </summary>
    private EquatableArray<int>? StatusesOf(OpenApiResponses responses, OpenApiSchema? schema)
    {
        var codes = new List<int>();
        foreach (var pair in responses.Where(pair => pair.Key.StartsWith("2", StringComparison.Ordinal)))
        {
            if (pair.Value is null || JsonMedia(pair.Value.Content)?.Schema is not { } other ||
                !(ReferenceEquals(other, schema) || (other.Reference?.Id is { } id && id == schema?.Reference?.Id)))
            {
                continue;
            }

            if (string.Equals(pair.Key, "2XX", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (pair.Key.Length == 3 && int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and <= 299)
            {
                codes.Add(code);
            }
        }

        // None named (the answer's schema is the empty one, or it came under a key of another shape): any success status.
        return codes.Count == 0 ? null : codes.ToEquatableArray();
    }

    /// <summary>
    /// A body of a media type the generator does not model as JSON or a form: the first text type (a <c>string</c>),
    /// else the first other (a <c>Stream</c>). Text and binary data (<c>application/octet-stream</c>, or a binary
    /// string schema) are what they say; anything else (XML, a urlencoded form) is raw content the caller writes or
    /// reads, reported at info level. A key that is not a plain <c>type/subtype</c> (a wildcard, or anything a header
    /// could not carry) is sent as <c>text/plain</c> or <c>application/octet-stream</c>.
    /// </summary>
    private RawContent? RawMedia(IDictionary<string, OpenApiMediaType> content, string subject, string pointer)
    {
        var text = content.Keys.FirstOrDefault(key => key.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
        var chosen = text ?? content.Keys.FirstOrDefault(key => !string.IsNullOrWhiteSpace(key));
        if (chosen is null)
        {
            return null;
        }

        var isText = text is not null;
        var binary = content[chosen]?.Schema is { Type: "string", Format: "binary" } || string.Equals(chosen, "application/octet-stream", StringComparison.OrdinalIgnoreCase);
        if (!isText && !binary)
        {
            Report(DiagnosticDescriptors.RawBody, pointer + "/content/" + JsonPointer.Escape(chosen), subject, chosen);
        }

        return new RawContent(PlainMediaType.IsMatch(chosen) ? chosen : isText ? "text/plain" : "application/octet-stream", isText);
    }

    private static readonly Regex PlainMediaType = new(
        "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private OpenApiMediaType? JsonMedia(IDictionary<string, OpenApiMediaType> content)
    {
        // Swagger 2.0 without "produces"/"consumes" reads as application/octet-stream; a schema that is not a file
        // means the author meant JSON, as Swagger 2.0 tooling assumes.
        if (_isSwagger2 && content.Count == 1 && content.TryGetValue("application/octet-stream", out var untyped) &&
            untyped?.Schema is { } schema && !(schema.Type == "file" || (schema.Type == "string" && schema.Format == "binary")))
        {
            return untyped;
        }

        foreach (var key in new[] { "application/json", "*/*" })
        {
            if (content.TryGetValue(key, out var exact) && exact is not null)
            {
                return exact;
            }
        }

        return content
            .Where(pair => pair.Value is not null && pair.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(pair => pair.Value)
            .FirstOrDefault();
    }
}
