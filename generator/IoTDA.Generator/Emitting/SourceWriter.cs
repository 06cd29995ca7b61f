using System;
using System.Text;

namespace IoTDA.Generator.Emitting;

/// <summary>A StringBuilder that indents: every emitted line goes through <see cref="Line"/>.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a multi-line template (a raw string literal) line by line at the current indentation, so templates keep
    /// the shape of the code they produce.
    /// </summary>
    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent = Math.Max(0, _indent - 1);
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc element from the model's doc text, which may span lines; nothing when there is none.</summary>
    public SourceWriter Doc(string element, string? text, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var lines = text!.Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// <" + element + attributes + ">" + lines[0].Trim() + "</" + element + ">");
        }

        Line("/// <" + element + attributes + ">");
        foreach (var line in lines)
        {
            Line(("/// " + line.TrimEnd()).TrimEnd());
        }

        return Line("/// </" + element + ">");
    }

    public override string ToString() => _builder.ToString();
}
