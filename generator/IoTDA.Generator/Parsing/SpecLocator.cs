using System;
using System.Collections.Generic;
using System.IO;
using IoTDA.Generator.Model;
using SharpYaml;
using SharpYaml.Serialization;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Maps the JSON pointers that Microsoft.OpenApi.Readers reports (and the generator builds) to line and column in
/// the spec text: by indentation (<see cref="YamlOutline"/>) where the text is plain block YAML, else through a tree
/// of the YAML parser the reader already loads. JSON specs parse as YAML too.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    private YamlNode? _root;
    private bool _loaded;
    private YamlOutline? _outline;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The location of the node a pointer such as <c>#/paths/~1pets/get</c> names, or the nearest ancestor.</summary>
    public LocationInfo Locate(string? pointer)
    {
        if (pointer is null || pointer.Length == 0)
        {
            return AtStart();
        }

        if (pointer.StartsWith("#line=", StringComparison.Ordinal) &&
            int.TryParse(pointer.Substring("#line=".Length), out var line))
        {
            // The reader passes on the YAML parser's mark, which counts lines from 0.
            return AtLine(line);
        }

        var segments = new List<string>(Segments(pointer));
        _outline ??= new YamlOutline(_text);
        if (_outline.Locate(segments) is { } span)
        {
            var index = _outline.IndexOf(span.Line, span.Column);
            return new LocationInfo(_path, index, span.Length, span.Line, span.Column, span.Line, span.Column + span.Length);
        }

        var node = Root();
        if (node is null)
        {
            return AtStart();
        }

        var keyNode = (YamlNode?)null;
        foreach (var segment in segments)
        {
            var next = Child(node, segment, out var key);
            if (next is null)
            {
                break;
            }

            node = next;
            keyNode = key;
        }

        // Point at the key ("operationId:") when there is one: that is where a reader of the file looks.
        return keyNode is null ? FromMarks(node.Start, node.End) : FromMarks(keyNode.Start, keyNode.End);
    }

    public LocationInfo AtLine(int zeroBasedLine)
    {
        var line = Math.Max(0, zeroBasedLine);
        var index = 0;
        for (var current = 0; current < line && index < _text.Length; current++)
        {
            var newline = _text.IndexOf('\n', index);
            if (newline < 0)
            {
                break;
            }

            index = newline + 1;
        }

        var lineEnd = _text.IndexOf('\n', index);
        var length = (lineEnd < 0 ? _text.Length : lineEnd) - index;
        return new LocationInfo(_path, index, length, line, 0, line, length);
    }

    public LocationInfo AtStart() => new(_path, 0, 0, 0, 0, 0, 0);

    public LocationInfo FromMarks(Mark start, Mark end)
    {
        var startIndex = Clamp(start.Index);
        var endIndex = Math.Max(startIndex, Clamp(end.Index));
        return new LocationInfo(_path, startIndex, endIndex - startIndex, start.Line, start.Column, end.Line, end.Column);
    }

    private int Clamp(int index) => Math.Max(0, Math.Min(index, _text.Length));

    private YamlNode? Root()
    {
        if (!_loaded)
        {
            _loaded = true;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(_text));
                _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            }
            catch (Exception)
            {
                // A text the YAML parser rejects has no tree to point into; locations fall back to the file start.
                _root = null;
            }
        }

        return _root;
    }

    private static IEnumerable<string> Segments(string pointer)
    {
        var body = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        foreach (var raw in body.Split('/'))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            yield return JsonPointer.Unescape(Uri.UnescapeDataString(raw));
        }
    }

    private static YamlNode? Child(YamlNode node, string segment, out YamlNode? key)
    {
        key = null;
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode scalar && string.Equals(scalar.Value, segment, StringComparison.Ordinal))
                    {
                        key = pair.Key;
                        return pair.Value;
                    }
                }

                return null;
            case YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                return sequence.Children[index];
            default:
                return null;
        }
    }
}
