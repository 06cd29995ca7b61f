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

    /// <summary>Writes an XML doc element whose text may span lines; nothing when the text is empty.</summary>
    public SourceWriter Doc(string element, string? text, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var lines = text!.Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// <" + element + attributes + ">" + Xml(lines[0].Trim()) + "</" + element + ">");
        }

        Line("/// <" + element + attributes + ">");
        foreach (var line in lines)
        {
            Line(("/// " + Xml(line.TrimEnd())).TrimEnd());
        }

        return Line("/// </" + element + ">");
    }

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
