using System.Collections.Generic;
using System.IO;
using SharpYaml;
using SharpYaml.Events;
using SharpYaml.Serialization;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Loads the first YAML document of a spec as a tree for the OpenAPI 3.1 rewrite, as strictly as the reader loads
/// it: that document only (what follows a <c>---</c> is never read), keys that are scalars, an alias only to a node
/// already complete (so no cycle), nesting bounded. An explicit stack, so no text can overflow the compiler's.
/// </summary>
internal static class YamlTreeLoader
{
    /// <summary>Null with <paramref name="error"/> set when the text is not such a document.</summary>
    public static YamlMappingNode? LoadFirst(string text, int maxDepth, out string? error)
    {
        error = null;
        var anchors = new Dictionary<string, YamlNode>();
        var open = new Stack<(YamlNode Node, string? Anchor)>();
        YamlScalarNode? pendingKey = null;
        YamlNode? root = null;
        try
        {
            var parser = Parser.CreateParser(new StringReader(text), maxDepth);
            while (parser.MoveNext() && parser.Current is not DocumentEnd)
            {
                YamlNode node;
                switch (parser.Current)
                {
                    case Scalar scalar:
                        node = new YamlScalarNode(scalar.Value) { Style = scalar.Style, Tag = scalar.Tag };
                        Register(anchors, scalar.Anchor, node);
                        break;
                    case SequenceStart start:
                        node = new YamlSequenceNode { Tag = start.Tag, Style = start.Style };
                        break;
                    case MappingStart start:
                        node = new YamlMappingNode { Tag = start.Tag, Style = start.Style };
                        break;
                    case AnchorAlias alias when anchors.TryGetValue(alias.Value, out var target):
                        node = target;
                        break;
                    case AnchorAlias alias:
                        error = "the alias *" + alias.Value + " refers to an anchor that is unknown or not yet complete (a cycle)";
                        return null;
                    case SequenceEnd or MappingEnd:
                        var (closed, anchor) = open.Pop();
                        Register(anchors, anchor, closed);
                        continue;
                    default:
                        continue;
                }

                if (open.Count == 0)
                {
                    root ??= node;
                }
                else if (open.Peek().Node is YamlSequenceNode sequence)
                {
                    sequence.Children.Add(node);
                }
                else if (pendingKey is null)
                {
                    if (node is not YamlScalarNode key)
                    {
                        error = "a mapping key is not a scalar";
                        return null;
                    }

                    pendingKey = key;
                }
                else
                {
                    ((YamlMappingNode)open.Peek().Node).Children[pendingKey] = node;
                    pendingKey = null;
                }

                if (parser.Current is SequenceStart or MappingStart)
                {
                    open.Push((node, ((NodeEvent)parser.Current).Anchor));
                }
            }
        }
        catch (YamlException exception)
        {
            error = exception.Message;
            return null;
        }

        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }

        error = "the document is not an object";
        return null;
    }

    private static void Register(Dictionary<string, YamlNode> anchors, string? anchor, YamlNode node)
    {
        if (!string.IsNullOrEmpty(anchor))
        {
            anchors[anchor!] = node;
        }
    }
}
