using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>Which response and which media type an operation's method reads and sends.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>
    /// The first 2xx response (else <c>default</c>): its JSON type, or none for an empty answer. False when its body
    /// is not JSON, and the operation is skipped.
    /// </summary>
    private bool SuccessResponse(OpenApiOperation operation, string methodName, string pointer, string operationId, out TypeModel? type, out string? description)
    {
        type = null;
        description = null;
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
            return true;
        }

        description = Docs.From(chosen.Value.Description);
        if (chosen.Value.Content.Count == 0)
        {
            return true;
        }

        var media = JsonMedia(chosen.Value.Content);
        if (media is null && chosen.Value.Content.Values.All(m => m?.Schema is null))
        {
            return true;
        }

        if (media is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/responses/" + JsonPointer.Escape(chosen.Key), "The operation " + operationId, "its response is not JSON (" + string.Join(", ", chosen.Value.Content.Keys) + ")");
            return false;
        }

        type = TypeFor(media.Schema, methodName, "Response", pointer + "/responses/" + JsonPointer.Escape(chosen.Key));
        return true;
    }

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
