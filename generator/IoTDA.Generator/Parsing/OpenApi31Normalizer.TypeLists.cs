using System;
using System.Collections.Generic;
using System.Linq;
using SharpYaml.Serialization;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// A 3.1 list of several types (<c>type: [string, number]</c>) as the <c>oneOf</c> 3.0 can say it in: one alternative
/// per type. JSON Schema applies a keyword such as <c>maxLength</c> or <c>items</c> only to values of the type it
/// constrains, so each alternative takes the keywords of its own type, and what holds for every value (a
/// description, <c>nullable</c>) stays where it was.
/// </summary>
internal sealed partial class OpenApi31Normalizer
{
    private static readonly string[] NumberKeywords = { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" };

    private static readonly Dictionary<string, string[]> KeywordsOfType = new(StringComparer.Ordinal)
    {
        ["string"] = new[] { "minLength", "maxLength", "pattern", "contentEncoding", "contentMediaType" },
        ["number"] = NumberKeywords,
        ["integer"] = NumberKeywords,
        ["array"] = new[] { "items", "minItems", "maxItems", "uniqueItems" },
        ["object"] = new[] { "properties", "required", "additionalProperties", "minProperties", "maxProperties", "discriminator" },
    };

    /// <summary>The formats OpenAPI gives numbers; any other format is a string's.</summary>
    private static readonly string[] NumberFormats = { "int32", "int64", "float", "double" };

    /// <summary>
    /// Rewrites the schema into a <c>oneOf</c> of its types. False, leaving it as it is, when it already has
    /// alternatives or parts of its own, which would hold for every type, or an <c>enum</c>, whose values would have
    /// to be shared out among the types.
    /// </summary>
    private static bool SplitTypeList(YamlMappingNode schema, IReadOnlyList<string> types)
    {
        if (Get(schema, "oneOf") is not null || Get(schema, "anyOf") is not null || Get(schema, "allOf") is not null || Get(schema, "enum") is not null)
        {
            return false;
        }

        var format = (Get(schema, "format") as YamlScalarNode)?.Value;
        var moved = new HashSet<string>(StringComparer.Ordinal);
        var alternatives = new YamlSequenceNode();
        foreach (var type in types)
        {
            var alternative = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode(type));
            var keywords = KeywordsOfType.TryGetValue(type, out var own) ? own : Array.Empty<string>();
            if (format is not null && (type is "number" or "integer" ? NumberFormats.Contains(format) : type == "string" && !NumberFormats.Contains(format)))
            {
                keywords = keywords.Append("format").ToArray();
            }

            foreach (var keyword in keywords)
            {
                if (Get(schema, keyword) is { } value)
                {
                    alternative.Add(keyword, value);
                    moved.Add(keyword);
                }
            }

            alternatives.Add(alternative);
        }

        foreach (var keyword in moved)
        {
            Remove(schema, keyword);
        }

        Set(schema, "oneOf", alternatives);
        return true;
    }
}
