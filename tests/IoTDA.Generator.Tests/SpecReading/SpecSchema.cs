using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace IoTDA.Generator.Tests.SpecReading;

/// <summary>What a schema describes on the wire, as far as a request needs to know.</summary>
internal enum SchemaKind
{
    /// <summary>An object with named properties (<c>properties</c> or <c>allOf</c> parts).</summary>
    Object,

    /// <summary>An object whose values share the <c>additionalProperties</c> schema.</summary>
    Map,

    Array,
    String,

    /// <summary>A string with <c>enum</c> values.</summary>
    Enum,

    /// <summary>A <c>format: binary</c> string: a file in a multipart body.</summary>
    Binary,

    Integer,
    Number,
    Boolean,

    /// <summary>Any JSON value: no type, a bare <c>type: object</c>, <c>oneOf</c> or <c>anyOf</c>.</summary>
    Free,
}

/// <summary>A schema with its <c>$ref</c>s followed, and the constraints a value must meet.</summary>
internal sealed class SpecSchema
{
    private readonly SpecDocument _document;
    private readonly YamlMappingNode _node;

    public SpecSchema(SpecDocument document, YamlMappingNode node)
    {
        _document = document;
        _node = document.Resolve(node, out var reference);
        ComponentName = reference?.Substring(reference.LastIndexOf('/') + 1);
        Kind = KindOf(_node);
    }

    /// <summary>The name under <c>components/schemas</c> when the schema was reached through a reference.</summary>
    public string? ComponentName { get; }

    public SchemaKind Kind { get; }

    public string? Pattern => _node.Text("pattern");

    public int? MinLength => _node.Count("minLength");

    public int? MaxLength => _node.Count("maxLength");

    public double? Minimum => _node.Number("minimum");

    public double? Maximum => _node.Number("maximum");

    /// <summary>OpenAPI 3.0's boolean form: the minimum itself is not allowed.</summary>
    public bool ExclusiveMinimum => _node.Flag("exclusiveMinimum");

    public bool ExclusiveMaximum => _node.Flag("exclusiveMaximum");

    public int? MinItems => _node.Count("minItems");

    public int? MaxItems => _node.Count("maxItems");

    public string? Example => (_node.Child("example") as YamlScalarNode)?.Value;

    public IReadOnlyList<string> EnumValues =>
        _node.Items("enum").OfType<YamlScalarNode>().Select(value => value.Value ?? "").ToArray();

    public SpecSchema Items => new(_document, _node.Mapping("items") ?? throw Missing("items"));

    public SpecSchema MapValues => new(_document, _node.Mapping("additionalProperties") ?? throw Missing("additionalProperties"));

    /// <summary>The object's properties in spec order, those of every <c>allOf</c> part included.</summary>
    public IReadOnlyList<(string Name, SpecSchema Schema)> Properties
    {
        get
        {
            var properties = new List<(string, SpecSchema)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Collect(_node, properties, seen);
            return properties;
        }
    }

    private void Collect(YamlMappingNode node, List<(string, SpecSchema)> properties, HashSet<string> seen)
    {
        foreach (var part in node.Items("allOf").OfType<YamlMappingNode>())
        {
            Collect(_document.Resolve(part), properties, seen);
        }

        foreach (var (name, schema) in node.Mapping("properties")?.Entries() ?? Enumerable.Empty<(string, YamlNode)>())
        {
            if (seen.Add(name))
            {
                properties.Add((name, new SpecSchema(_document, schema as YamlMappingNode ?? throw Missing("properties/" + name))));
            }
        }
    }

    private static SchemaKind KindOf(YamlMappingNode node)
    {
        if (node.Child("oneOf") is not null || node.Child("anyOf") is not null)
        {
            return SchemaKind.Free;
        }

        if (node.Child("properties") is not null || node.Child("allOf") is not null)
        {
            return SchemaKind.Object;
        }

        return node.Text("type") switch
        {
            "object" => node.Child("additionalProperties") is YamlMappingNode ? SchemaKind.Map : SchemaKind.Free,
            "array" => SchemaKind.Array,
            "string" when node.Child("enum") is not null => SchemaKind.Enum,
            "string" when node.Text("format") == "binary" => SchemaKind.Binary,
            "string" => SchemaKind.String,
            "integer" => SchemaKind.Integer,
            "number" => SchemaKind.Number,
            "boolean" => SchemaKind.Boolean,
            null => SchemaKind.Free,
            var other => throw new InvalidOperationException("Unknown schema type '" + other + "'."),
        };
    }

    private InvalidOperationException Missing(string what) =>
        new("The " + Kind + " schema" + (ComponentName is null ? "" : " " + ComponentName) + " has no usable " + what + ".");
}
