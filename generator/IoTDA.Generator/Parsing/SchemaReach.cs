using System.Collections.Generic;
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

    public void Operation(OpenApiPathItem pathItem, OpenApiOperation operation)
    {
        foreach (var parameter in pathItem.Parameters ?? new List<OpenApiParameter>())
        {
            Push(parameter?.Schema);
        }

        foreach (var parameter in operation.Parameters ?? new List<OpenApiParameter>())
        {
            Push(parameter?.Schema);
        }

        foreach (var media in operation.RequestBody?.Content?.Values ?? (IEnumerable<OpenApiMediaType>)new List<OpenApiMediaType>())
        {
            Push(media?.Schema);
        }

        foreach (var response in operation.Responses?.Values ?? (IEnumerable<OpenApiResponse>)new List<OpenApiResponse>())
        {
            foreach (var media in response?.Content?.Values ?? (IEnumerable<OpenApiMediaType>)new List<OpenApiMediaType>())
            {
                Push(media?.Schema);
            }
        }

        Drain();
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
