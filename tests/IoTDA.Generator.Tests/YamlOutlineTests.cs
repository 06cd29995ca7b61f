using System.Collections.Generic;
using System.IO;
using System.Linq;
using IoTDA.Generator.Parsing;
using IoTDA.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The indentation outline that places diagnostics without a second YAML parse, against the lines a YAML parser
/// (YamlDotNet, independent of the generator's SharpYaml) gives for every key and item of real specs.
/// </summary>
public class YamlOutlineTests
{
    public static TheoryData<string> YamlSpecs => new() { "bundled", "edge-cases", "uploads", "styles" };

    [Theory]
    [MemberData(nameof(YamlSpecs))]
    public void Every_pointer_the_outline_answers_names_the_line_the_parser_puts_it_on(string name)
    {
        var text = Text(name);
        var outline = new YamlOutline(text);
        var wrong = new List<string>();
        var answered = 0;
        var pointers = Pointers(text).ToList();
        foreach (var (segments, line) in pointers)
        {
            if (outline.Locate(segments) is not { } span)
            {
                continue;
            }

            answered++;
            if (span.Line != line)
            {
                wrong.Add($"/{string.Join("/", segments)}: line {span.Line + 1}, the parser says {line + 1}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
        Assert.True(pointers.Count > 20, "too few pointers to check");

        // The fast path must carry the real specs, or the generator would parse them twice after all.
        if (name is "bundled" or "styles")
        {
            Assert.Equal(pointers.Count, answered);
        }
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}}")]
    [InlineData("---\nopenapi: 3.0.3\npaths: {}\n")]
    [InlineData("openapi: 3.0.3\npaths: &shared {}\n")]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: \"a\u2028b\"\npaths:\n  x: 1\n")]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: \"a\rb\"\npaths:\n  x: 1\n")]
    [InlineData("openapi: 3.0.3\ninfo:\n  description: \"Letters; see\n  paths: in the guide\"\npaths:\n  x: 1\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T,\npaths: x}\npaths:\n  x: 1\n")]
    [InlineData("openapi: 3.0.3\n\tpaths:\n  x: 1\n")]
    public void Text_it_does_not_follow_is_left_to_the_parser(string text) =>
        Assert.Null(new YamlOutline(text).Locate(new[] { "paths", "x" }));

    [Fact]
    public void Nothing_inside_a_block_scalar_is_taken_for_a_key() =>
        Assert.Null(new YamlOutline(Styles).Locate(new[] { "info", "description", "paths" }));

    /// <summary>Block styles the outline has to follow: quoted keys, sequences at the key's indent, comments, CRLF.</summary>
    private const string Styles =
        "openapi: 3.0.3 # version\r\n" +
        "info:\r\n  title: 'It''s'\r\n  description: |\r\n    paths:\r\n      not: a key\r\n\r\n    # not a comment either\r\n" +
        "x-notes:\r\n- |\r\n  literal\r\n-  >-\r\n  folded\r\n- \"closed\" \r\n" +
        "tags:\r\n- name: a\r\n  description: first\r\n-   name: b\r\n-\r\n  name: c\r\n" +
        "paths:\r\n  \"/p/{id}\":\r\n    # a comment\r\n    get:\r\n      parameters:\r\n        - name: id\r\n          in: path\r\n" +
        "        - name: \"q\\\"uoted\"\r\n          in: query\r\n      responses:\r\n        '200':\r\n          description: ok\r\n";

    private static string Text(string name) => name switch
    {
        "bundled" => GeneratorHarness.BundledSpecText,
        "styles" => Styles,
        _ => GeneratorHarness.ReadResource("specs/" + name + ".openapi.yaml"),
    };

    /// <summary>Every key and item of the document, down to flow collections, with the zero-based line of its key or item.</summary>
    private static IEnumerable<(string[] Segments, int Line)> Pointers(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Walk(stream.Documents[0].RootNode, new List<string>());
    }

    private static IEnumerable<(string[] Segments, int Line)> Walk(YamlNode node, List<string> path)
    {
        if (node is YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow } mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                path.Add(((YamlScalarNode)key).Value!);
                yield return (path.ToArray(), (int)key.Start.Line - 1);
                foreach (var child in Walk(value, path))
                {
                    yield return child;
                }

                path.RemoveAt(path.Count - 1);
            }
        }
        else if (node is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } sequence)
        {
            for (var index = 0; index < sequence.Children.Count; index++)
            {
                path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return (path.ToArray(), (int)sequence.Children[index].Start.Line - 1);
                foreach (var child in Walk(sequence.Children[index], path))
                {
                    yield return child;
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
