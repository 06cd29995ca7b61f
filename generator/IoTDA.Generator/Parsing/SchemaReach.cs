using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// The component schemas that operations reach through their parameters, bodies, responses and response headers,
/// however deep, discriminator mappings and the components that include a discriminated one included. Explicit
/// stacks instead of recursion: a hostile spec's nesting cannot overflow the compiler's stack.
/// </summary>
internal sealed class SchemaReach
{
    private readonly HashSet<OpenApiSchema> _seen = new(IdentityComparer<OpenApiSchema>.Instance);
    private readonly Stack<OpenApiSchema> _pending = new();
    private readonly Stack<string> _pendingComponents = new();
    private readonly IDictionary<string, OpenApiSchema> _components;
    private readonly Dictionary<string, List<string>> _includers;

    private SchemaReach(IDictionary<string, OpenApiSchema> components)
    {
        _components = components;
        _includers = ModelBuilder.Includers(components);
    }

    private HashSet<string> Components { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Removes from the document every component schema that none of its operations reaches, so nothing is generated
    /// for it; returns their keys, in the document's order. An alias component generates nothing of its own, so it
    /// stays (a mapping may name it), and a document without operations (a file of shared models) keeps everything.
    /// </summary>
    public static List<string> RemoveUnreached(OpenApiDocument document)
    {
        var operations = (document.Paths?.Values ?? Enumerable.Empty<OpenApiPathItem>())
            .Where(pathItem => pathItem is not null)
            .SelectMany(pathItem => pathItem.Operations.Values.Where(operation => operation is not null).Select(operation => (pathItem, operation)))
            .ToList();
        if (document.Components?.Schemas is not { Count: > 0 } schemas || operations.Count == 0)
        {
            return new List<string>();
        }

        var reach = new SchemaReach(schemas);
        foreach (var (pathItem, operation) in operations)
        {
            reach.Operation(pathItem, operation);
        }

        var unreached = schemas
            .Where(pair => !reach.Components.Contains(pair.Key) && !(pair.Value is { } schema && ModelBuilder.IsAlias(pair.Key, schema)))
            .Select(pair => pair.Key)
            .ToList();
        foreach (var key in unreached)
        {
            schemas.Remove(key);
        }

        return unreached;
    }

    private void Operation(OpenApiPathItem pathItem, OpenApiOperation operation)
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

    private void Component(string key)
    {
        if (Components.Add(key))
        {
            _pendingComponents.Push(key);
        }
    }

    /// <summary>
    /// A component leads on through its schema; one with a discriminator also to the components that include it
    /// through <c>allOf</c>, as a value of it may be any of them.
    /// </summary>
    private void Open(string key)
    {
        if (!_components.TryGetValue(key, out var component) || component is null)
        {
            return;
        }

        Push(component);
        if (component.Discriminator is not null && _includers.TryGetValue(key, out var includers))
        {
            foreach (var includer in includers)
            {
                Component(includer);
            }
        }
    }

    private void Drain()
    {
        while (_pending.Count > 0 || _pendingComponents.Count > 0)
        {
            if (_pendingComponents.Count > 0)
            {
                Open(_pendingComponents.Pop());
                continue;
            }

            var schema = _pending.Pop();
            if (schema.Reference is { IsExternal: false, Id: { } id })
            {
                // A reference through an alias reads as a placeholder that names the target but holds none of its
                // members: the component itself is what leads on.
                Component(id);
            }

            foreach (var target in schema.Discriminator?.Mapping?.Values ?? Enumerable.Empty<string>())
            {
                if (ModelBuilder.MappingKey(target) is { } key)
                {
                    Component(key);
                }
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
