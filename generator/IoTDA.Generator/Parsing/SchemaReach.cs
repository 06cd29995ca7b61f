using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// The component schemas that operations reach through their parameters, bodies and responses, however deep. An
/// explicit stack instead of recursion: a hostile spec's nesting cannot overflow the compiler's stack.
/// </summary>
internal sealed class SchemaReach
{
    private readonly HashSet<OpenApiSchema> _seen = new(IdentityComparer<OpenApiSchema>.Instance);
    private readonly Stack<OpenApiSchema> _pending = new();

    public HashSet<string> Components { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Removes from the document every component schema that none of its operations reaches, so nothing is generated
    /// for it; returns their keys, in the document's order.
    /// </summary>
    public static List<string> RemoveUnreached(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { Count: > 0 } schemas)
        {
            return new List<string>();
        }

        var reach = new SchemaReach();
        foreach (var pathItem in document.Paths?.Values ?? Enumerable.Empty<OpenApiPathItem>())
        {
            foreach (var operation in pathItem?.Operations.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation is not null)
                {
                    reach.Operation(pathItem!, operation);
                }
            }
        }

        var unreached = schemas.Keys.Where(key => !reach.Components.Contains(key)).ToList();
        foreach (var key in unreached)
        {
            schemas.Remove(key);
        }

        return unreached;
    }

    public void Operation(OpenApiPathItem pathItem, OpenApiOperation operation)
    {
        foreach (var parameter in (pathItem.Parameters ?? new List<OpenApiParameter>()).Concat(operation.Parameters ?? new List<OpenApiParameter>()))
        {
            Push(parameter?.Schema);
            PushContent(parameter?.Content);
        }

        PushContent(operation.RequestBody?.Content);
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<OpenApiResponse>())
        {
            PushContent(response?.Content);
            foreach (var header in response?.Headers?.Values ?? Enumerable.Empty<OpenApiHeader>())
            {
                Push(header?.Schema);
                PushContent(header?.Content);
            }
        }

        Drain();
    }

    private void PushContent(IDictionary<string, OpenApiMediaType>? content)
    {
        foreach (var media in content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
        {
            Push(media?.Schema);
        }
    }

    private void Push(OpenApiSchema? schema)
    {
        if (schema is not null && _seen.Add(schema))
        {
            _pending.Push(schema);
        }
    }

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            var schema = _pending.Pop();
            if (schema.Reference is { IsExternal: false, Id: { } id })
            {
                Components.Add(id);
            }

            foreach (var property in schema.Properties.Values)
            {
                Push(property);
            }

            Push(schema.Items);
            Push(schema.AdditionalProperties);
            Push(schema.Not);
            foreach (var part in schema.AllOf)
            {
                Push(part);
            }

            foreach (var part in schema.AnyOf)
            {
                Push(part);
            }

            foreach (var part in schema.OneOf)
            {
                Push(part);
            }
        }
    }
}
