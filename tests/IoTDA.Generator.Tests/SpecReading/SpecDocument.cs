using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.RepresentationModel;

namespace IoTDA.Generator.Tests.SpecReading;

/// <summary>
/// An OpenAPI document as a plain YAML tree, read with YamlDotNet rather than the generator's Microsoft.OpenApi, so
/// a misreading in one cannot hide the same misreading in the other. Local <c>$ref</c>s are followed by JSON pointer.
/// </summary>
internal sealed class SpecDocument
{
    private const int MaxReferenceChain = 32;

    public SpecDocument(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Root = stream.Documents[0].RootNode as YamlMappingNode
               ?? throw new InvalidOperationException("The spec's root is not a mapping.");
    }

    public YamlMappingNode Root { get; }

    /// <summary>The node itself, or what its <c>$ref</c> chain ends at.</summary>
    public YamlMappingNode Resolve(YamlMappingNode node) => Resolve(node, out _);

    /// <summary>As <see cref="Resolve(YamlMappingNode)"/>; <paramref name="reference"/> is the last reference followed.</summary>
    public YamlMappingNode Resolve(YamlMappingNode node, out string? reference)
    {
        reference = null;
        for (var followed = 0; node.Text("$ref") is { } target; followed++)
        {
            if (followed == MaxReferenceChain)
            {
                throw new InvalidOperationException("The reference chain through " + target + " does not end.");
            }

            reference = target;
            node = Pointer(target);
        }

        return node;
    }

    private YamlMappingNode Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only references into the same document are read: " + reference);
        }

        YamlNode node = Root;
        foreach (var token in reference.Substring(2).Split('/'))
        {
            var key = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = (node as YamlMappingNode)?.Child(key)
                   ?? throw new InvalidOperationException("The reference " + reference + " points at nothing (no '" + key + "').");
        }

        return node as YamlMappingNode ?? throw new InvalidOperationException("The reference " + reference + " is not a mapping.");
    }
}

/// <summary>Reading members of YAML mappings by name.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Text(this YamlMappingNode node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Mapping(this YamlMappingNode node, string key) => node.Child(key) as YamlMappingNode;

    public static IEnumerable<YamlNode> Items(this YamlMappingNode node, string key) =>
        node.Child(key) as YamlSequenceNode ?? (IEnumerable<YamlNode>)Array.Empty<YamlNode>();

    public static bool Flag(this YamlMappingNode node, string key) => node.Text(key) == "true";

    public static double? Number(this YamlMappingNode node, string key) =>
        node.Text(key) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public static int? Count(this YamlMappingNode node, string key) =>
        node.Text(key) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>The mapping's entries whose keys are scalars, in document order.</summary>
    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode node)
    {
        foreach (var entry in node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key })
            {
                yield return (key, entry.Value);
            }
        }
    }
}
