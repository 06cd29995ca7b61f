using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SharpYaml.Serialization;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Rewrites an OpenAPI 3.1 document, in its YAML tree, into the 3.0 document the reader (Microsoft.OpenApi.Readers
/// 1.6) understands: each 3.1 form with a 3.0 equivalent becomes that equivalent, and each without one is reported
/// where it stands and left out, so the rest of the spec still generates.
/// </summary>
internal sealed partial class OpenApi31Normalizer
{
    /// <summary>Deeper than any real spec nests and than the reader accepts; the walk stops there.</summary>
    private const int MaxDepth = 256;

    /// <summary>JSON Schema keywords of 3.1 that OpenAPI 3.0 has no way to say.</summary>
    private static readonly string[] KeywordsWithout30Form =
    {
        "prefixItems", "if", "then", "else", "dependentSchemas", "dependentRequired", "unevaluatedProperties",
        "unevaluatedItems", "patternProperties", "propertyNames", "contains", "minContains", "maxContains",
        "$defs", "$dynamicRef", "$dynamicAnchor", "contentSchema",
    };

    /// <summary>Keywords that only name or annotate a schema for JSON Schema tools: nothing generated depends on them.</summary>
    private static readonly string[] SchemaAnnotations = { "$schema", "$id", "$anchor", "$comment", "$vocabulary" };

    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly Action<string, string, string> _report;
    private readonly HashSet<YamlNode> _visited = new(IdentityComparer<YamlNode>.Instance);

    private OpenApi31Normalizer(Action<string, string, string> report) => _report = report;

    /// <summary>Rewrites <paramref name="root"/> in place; <paramref name="report"/> takes a pointer, a subject and why it was left out.</summary>
    public static void Normalize(YamlMappingNode root, Action<string, string, string> report)
    {
        var normalizer = new OpenApi31Normalizer(report);
        Set(root, "openapi", "3.0.3");
        Remove(root, "jsonSchemaDialect");
        if (Remove(root, "webhooks") is not null)
        {
            report("#/webhooks", "The webhooks section", "webhooks describe calls the API makes to your server, not calls a client makes");
        }

        if (Get(root, "paths") is YamlMappingNode paths)
        {
            AddMissingResponses(paths);
        }
        else
        {
            Set(root, "paths", new YamlMappingNode());
        }

        if (Get(root, "info") is YamlMappingNode info)
        {
            // 3.0 has no one-line summary of the API: it leads the description instead of being lost.
            if (Remove(info, "summary") is YamlScalarNode { Value: { } summary })
            {
                var description = (Get(info, "description") as YamlScalarNode)?.Value;
                Set(info, "description", string.IsNullOrEmpty(description) ? summary : summary + "\n\n" + description);
            }

            if (Get(info, "license") is YamlMappingNode license)
            {
                Remove(license, "identifier");
            }
        }

        if (Get(root, "components") is YamlMappingNode components && Remove(components, "pathItems") is not null)
        {
            report("#/components/pathItems", "The components/pathItems section", "OpenAPI 3.0 cannot refer to shared path items");
        }

        normalizer.VisitDocumentPart(root, "#", depth: 0);
    }

    /// <summary>
    /// 3.1 lets an operation list no responses; 3.0 wants at least one. A default response without content says as
    /// much: the call answers, with nothing to read.
    /// </summary>
    private static void AddMissingResponses(YamlMappingNode paths)
    {
        foreach (var (_, pathItem) in Pairs(paths))
        {
            if (pathItem is not YamlMappingNode item)
            {
                continue;
            }

            foreach (var (method, operation) in Pairs(item))
            {
                if (HttpMethods.Contains(method) && operation is YamlMappingNode op && Get(op, "responses") is null or YamlMappingNode { Children.Count: 0 })
                {
                    Set(op, "responses", new YamlMappingNode(
                        new YamlScalarNode("default"), new YamlMappingNode(new YamlScalarNode("description"), new YamlScalarNode("Any answer."))));
                }
            }
        }
    }

    /// <summary>Any node outside a schema: finds the schemas below it.</summary>
    private void VisitDocumentPart(YamlNode node, string pointer, int depth)
    {
        if (depth > MaxDepth || !_visited.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in Pairs(mapping))
                {
                    var childPointer = pointer + "/" + JsonPointer.Escape(key);
                    // Under components/parameters (and the other maps of named objects) a key is a name, not a keyword.
                    if (key == "schema" && !IsComponentMap(pointer))
                    {
                        Replace(mapping, key, VisitSchema(value, childPointer, depth + 1));
                    }
                    else if (key == "schemas" && pointer == "#/components" && value is YamlMappingNode schemas)
                    {
                        VisitSchemaMap(schemas, childPointer, depth + 1);
                    }
                    else if (key is not ("example" or "examples") && !key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        VisitDocumentPart(value, childPointer, depth + 1);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    VisitDocumentPart(sequence.Children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
                }

                break;
        }
    }

    private void VisitSchemaMap(YamlMappingNode schemas, string pointer, int depth)
    {
        foreach (var (key, value) in Pairs(schemas))
        {
            Replace(schemas, key, VisitSchema(value, pointer + "/" + JsonPointer.Escape(key), depth));
        }
    }

    /// <summary>A schema: rewritten in place, or replaced by what it returns (a boolean schema becomes an object).</summary>
    private YamlNode VisitSchema(YamlNode node, string pointer, int depth)
    {
        if (node is YamlScalarNode { Value: "true" or "false" } boolean)
        {
            // true takes any value; false none, which 3.0 says as "not anything".
            return boolean.Value == "true" ? new YamlMappingNode() : new YamlMappingNode(new YamlScalarNode("not"), new YamlMappingNode());
        }

        if (node is not YamlMappingNode schema || depth > MaxDepth || !_visited.Add(schema))
        {
            return node;
        }

        foreach (var keyword in SchemaAnnotations)
        {
            Remove(schema, keyword);
        }

        foreach (var keyword in KeywordsWithout30Form)
        {
            if (Remove(schema, keyword) is not null)
            {
                _report(pointer + "/" + JsonPointer.Escape(keyword), "The JSON Schema keyword '" + keyword + "'", "OpenAPI 3.0 has no form of it");
            }
        }

        // A const is an enum of one value before the type is read: a type list beside it stays untyped, as beside an enum.
        RewriteConst(schema);
        RewriteType(schema, pointer);
        RewriteExamples(schema);
        RewriteExclusiveBound(schema, "exclusiveMinimum", "minimum", lowerBound: true);
        RewriteExclusiveBound(schema, "exclusiveMaximum", "maximum", lowerBound: false);
        RewriteContent(schema);
        VisitSubschemas(schema, pointer, depth);
        return WrapReferenceWithSiblings(schema);
    }

    private void VisitSubschemas(YamlMappingNode schema, string pointer, int depth)
    {
        foreach (var (key, value) in Pairs(schema))
        {
            var childPointer = pointer + "/" + JsonPointer.Escape(key);
            switch (key)
            {
                case "properties" when value is YamlMappingNode properties:
                    VisitSchemaMap(properties, childPointer, depth + 1);
                    break;
                case "items" or "not":
                case "additionalProperties" when value is not YamlScalarNode:
                    Replace(schema, key, VisitSchema(value, childPointer, depth + 1));
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is YamlSequenceNode parts:
                    for (var i = 0; i < parts.Children.Count; i++)
                    {
                        parts.Children[i] = VisitSchema(parts.Children[i], childPointer + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// <c>type: [string, "null"]</c> is 3.0's <c>type: string, nullable: true</c>; a list of several types is a
    /// <c>oneOf</c> of one schema per type (<see cref="SplitTypeList"/>).
    /// </summary>
    private void RewriteType(YamlMappingNode schema, string pointer)
    {
        var types = Get(schema, "type") switch
        {
            YamlScalarNode { Value: { } single } => new[] { single },
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToArray(),
            _ => null,
        };
        if (types is null)
        {
            return;
        }

        var named = types.Where(t => t != "null").Distinct(StringComparer.Ordinal).ToArray();
        if (named.Length < types.Length)
        {
            Set(schema, "nullable", "true");
        }

        // Every integer is a number: the list says number.
        if (named.Contains("number"))
        {
            named = named.Where(t => t != "integer").ToArray();
        }

        if (named.Length == 1)
        {
            Set(schema, "type", named[0]);
            return;
        }

        Remove(schema, "type");
        if (named.Length > 1 && !SplitTypeList(schema, named))
        {
            _report(pointer + "/type", "The type list [" + string.Join(", ", types) + "]", "OpenAPI 3.0 gives a schema one type, so the value is read untyped");
        }
    }

    /// <summary><c>const: v</c> is an enum of one value.</summary>
    private static void RewriteConst(YamlMappingNode schema)
    {
        if (Remove(schema, "const") is { } value && Get(schema, "enum") is null)
        {
            Set(schema, "enum", new YamlSequenceNode(value));
        }
    }

    /// <summary>A schema's list of examples becomes 3.0's single example: the first.</summary>
    private static void RewriteExamples(YamlMappingNode schema)
    {
        if (Remove(schema, "examples") is YamlSequenceNode { Children.Count: > 0 } examples && Get(schema, "example") is null)
        {
            Set(schema, "example", examples.Children[0]);
        }
    }

    /// <summary>
    /// 3.1's bound is a number (<c>exclusiveMinimum: 0</c>); 3.0's is a flag on <c>minimum</c>. With both a bound and
    /// an exclusive bound given, the stricter one is kept.
    /// </summary>
    private static void RewriteExclusiveBound(YamlMappingNode schema, string exclusiveKey, string boundKey, bool lowerBound)
    {
        if (Get(schema, exclusiveKey) is not YamlScalarNode { Value: { } text } || !TryNumber(text, out var exclusive))
        {
            return;
        }

        Remove(schema, exclusiveKey);
        var stricter = Get(schema, boundKey) is not YamlScalarNode { Value: { } boundText } || !TryNumber(boundText, out var bound) ||
                       (lowerBound ? exclusive >= bound : exclusive <= bound);
        if (stricter)
        {
            Set(schema, boundKey, text);
            Set(schema, exclusiveKey, "true");
        }
    }

    /// <summary>3.1 says how a string holds bytes with content keywords; 3.0 with a format.</summary>
    private static void RewriteContent(YamlMappingNode schema)
    {
        var encoding = (Remove(schema, "contentEncoding") as YamlScalarNode)?.Value;
        var mediaType = Remove(schema, "contentMediaType");
        if (Get(schema, "format") is not null)
        {
            return;
        }

        // Only standard base64 is 3.0's byte; base64url stays a string the caller decodes.
        if (encoding is "base64")
        {
            Set(schema, "format", "byte");
        }
        else if (encoding is null && mediaType is YamlScalarNode { Value: { } type } && !IsTextual(type))
        {
            Set(schema, "format", "binary");
        }
    }

    /// <summary>
    /// In 3.1 a reference may stand beside other keywords (a description, nullable); 3.0 ignores them. As
    /// <c>allOf: [{$ref}]</c> with the keywords beside it, the 3.0 idiom for an annotated reference, they are kept.
    /// </summary>
    private static YamlNode WrapReferenceWithSiblings(YamlMappingNode schema)
    {
        if (Get(schema, "$ref") is not { } reference || schema.Children.Count == 1)
        {
            return schema;
        }

        var wrapped = new YamlMappingNode();
        wrapped.Add("allOf", new YamlSequenceNode(new YamlMappingNode(new YamlScalarNode("$ref"), reference)));
        foreach (var (key, value) in Pairs(schema).Where(p => p.Key != "$ref"))
        {
            wrapped.Add(key, value);
        }

        return wrapped;
    }

    private static bool IsComponentMap(string pointer) =>
        pointer.StartsWith("#/components/", StringComparison.Ordinal) && pointer.IndexOf('/', "#/components/".Length) < 0;

    /// <summary>A media type whose content is text (a form part of JSON or CSV stays a string, not a file).</summary>
    private static bool IsTextual(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 ||
        mediaType.IndexOf("xml", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The string-keyed pairs, copied, so the mapping can change while they are walked.</summary>
    private static List<(string Key, YamlNode Value)> Pairs(YamlMappingNode mapping) =>
        mapping.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null })
            .Select(pair => (((YamlScalarNode)pair.Key).Value!, pair.Value))
            .ToList();

    private static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlNode? Remove(YamlMappingNode mapping, string key)
    {
        var node = new YamlScalarNode(key);
        if (!mapping.Children.TryGetValue(node, out var value))
        {
            return null;
        }

        mapping.Children.Remove(node);
        return value;
    }

    private static void Set(YamlMappingNode mapping, string key, string value) => Set(mapping, key, new YamlScalarNode(value));

    private static void Set(YamlMappingNode mapping, string key, YamlNode value) => mapping.Children[new YamlScalarNode(key)] = value;

    private static void Replace(YamlMappingNode mapping, string key, YamlNode value)
    {
        if (!ReferenceEquals(Get(mapping, key), value))
        {
            Set(mapping, key, value);
        }
    }
}
