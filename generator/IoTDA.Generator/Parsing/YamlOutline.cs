using System;
using System.Collections.Generic;
using System.Text;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Finds the line a JSON pointer names in block-style YAML from indentation alone, without a YAML tree. The reader has
/// parsed the spec already, and parsing it a second time to place a handful of diagnostics cost as much as the rest of
/// a warm run on a large spec. Whatever this does not follow (JSON and flow collections on the way, anchors, aliases,
/// tags, explicit keys, tabs, escapes it does not decode) answers null, and <see cref="SpecLocator"/> falls back to
/// the parsed tree; so does a pointer it cannot follow to the end.
/// </summary>
internal sealed class YamlOutline
{
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly List<int> _indents = new();
    private readonly bool _followable;

    public YamlOutline(string text)
    {
        _text = text;
        for (var index = text.IndexOf('\n'); index >= 0; index = text.IndexOf('\n', index + 1))
        {
            _lineStarts.Add(index + 1);
        }

        for (var line = 0; line < _lineStarts.Count; line++)
        {
            _indents.Add(CountSpaces(line));
        }

        _followable = IsFollowable();
    }

    /// <summary>
    /// Whether every line of the text is one the outline reads as the YAML parser does: no line break but LF (and
    /// CRLF), which the parser also counts; no tab before a line's content; and no quoted scalar or flow collection
    /// left open at the end of its line, whose next lines the parser reads regardless of their indent. Decided once,
    /// so a text the outline cannot follow (a one-line JSON spec) costs nothing per diagnostic.
    /// </summary>
    private bool IsFollowable()
    {
        if (_text.IndexOf('\u0085') >= 0 || _text.IndexOf('\u2028') >= 0 || _text.IndexOf('\u2029') >= 0)
        {
            return false;
        }

        // The column of the key or dash that opened a block scalar: the deeper lines after it are its text.
        var blockParent = -1;
        for (var line = 0; line < _lineStarts.Count; line++)
        {
            var start = _lineStarts[line];
            var end = LineEnd(line);
            var lineBreak = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;
            var carriageReturn = _text.IndexOf('\r', start, lineBreak - start);
            if (carriageReturn >= 0 && carriageReturn != end)
            {
                return false;
            }

            var indent = _indents[line];
            if (start + indent >= end || (blockParent >= 0 && indent > blockParent))
            {
                continue;
            }

            blockParent = -1;
            var first = _text[start + indent];
            if (first == '\t')
            {
                return false;
            }

            if (first == '#')
            {
                continue;
            }

            var (column, value) = ValueOf(Rest(line, indent), indent);
            if (value.Length > 0 && value[0] is '|' or '>')
            {
                blockParent = column;
            }
            else if (!ClosesOnItsLine(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A line's value after its dashes and its key, and the column where the key (or the bare value) starts.</summary>
    private static (int Column, string Value) ValueOf(string rest, int column)
    {
        while (IsItem(rest))
        {
            var after = rest.Substring(1);
            var trimmed = after.TrimStart(' ');
            column += 1 + after.Length - trimmed.Length;
            rest = trimmed;
        }

        var value = ReadKey(rest) is { } key ? rest.Substring(key.End) : rest;
        return (column, value.Trim(' '));
    }

    /// <summary>Whether a value that opens a quote or a flow collection closes it on the same line.</summary>
    private static bool ClosesOnItsLine(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var closer = value[0] switch { '"' => '"', '\'' => '\'', '[' => ']', '{' => '}', _ => '\0' };
        return closer == '\0' || (value.Length > 1 && value[value.Length - 1] == closer);
    }

    /// <summary>Where a line and column are in the text.</summary>
    public int IndexOf(int line, int column) => _lineStarts[line] + column;

    /// <summary>The key (or, for an index, the item) the segments lead to, as a span of one line; null when unsure.</summary>
    public (int Line, int Column, int Length)? Locate(IReadOnlyList<string> segments)
    {
        var line = _followable ? NextContentLine(0) : -1;
        if (line < 0 || Column(line) != 0 || Rest(line, 0).StartsWith("---", StringComparison.Ordinal))
        {
            return null;
        }

        var column = 0;
        (int Line, int Column, int Length)? found = null;
        foreach (var segment in segments)
        {
            if (line < 0)
            {
                return null;
            }

            found = IsItem(Rest(line, column))
                ? Item(line, column, segment, ref line, ref column)
                : Entry(line, column, segment, ref line, ref column);
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }

    private (int, int, int)? Entry(int first, int column, string key, ref int valueLine, ref int valueColumn)
    {
        for (var line = first; line >= 0; line = NextContentLine(line + 1))
        {
            var indent = line == first ? column : Column(line);
            if (indent < column)
            {
                return null;
            }

            // Deeper lines belong to an earlier entry's value, and so does a sequence written at the keys' own indent.
            if (indent > column)
            {
                continue;
            }

            var rest = Rest(line, indent);
            if (line != first && IsItem(rest))
            {
                continue;
            }

            if (ReadKey(rest) is not { } parsed)
            {
                return null;
            }

            if (parsed.Key == key)
            {
                Value(line, column, column + parsed.End, sequenceMayShareIndent: true, ref valueLine, ref valueColumn);
                return (line, column, parsed.Length);
            }
        }

        return null;
    }

    private (int, int, int)? Item(int first, int column, string segment, ref int valueLine, ref int valueColumn)
    {
        if (!int.TryParse(segment, out var wanted) || wanted < 0)
        {
            return null;
        }

        var count = 0;
        for (var line = first; line >= 0; line = NextContentLine(line + 1))
        {
            var indent = line == first ? column : Column(line);
            if (indent > column)
            {
                continue;
            }

            var rest = Rest(line, indent);
            if (indent < column || !IsItem(rest))
            {
                return null;
            }

            if (count++ == wanted)
            {
                // An item is where its content starts, on the dash's line or, after a lone dash, on the next.
                Value(line, column, column + 1, sequenceMayShareIndent: false, ref valueLine, ref valueColumn);
                var (itemLine, itemColumn) = valueLine >= 0 ? (valueLine, valueColumn) : (line, column);
                return (itemLine, itemColumn, LineEnd(itemLine) - IndexOf(itemLine, itemColumn));
            }
        }

        return null;
    }

    private static bool IsItem(string rest) => rest.StartsWith("-", StringComparison.Ordinal) && (rest.Length == 1 || rest[1] == ' ');

    /// <summary>
    /// Where the value after a key or a dash starts: later on the same line, or on the next deeper line. A key's
    /// value may also be a sequence at the key's own indent; an item's may not (that is the next item).
    /// </summary>
    private void Value(int line, int column, int start, bool sequenceMayShareIndent, ref int valueLine, ref int valueColumn)
    {
        var rest = Rest(line, start);
        var trimmed = rest.TrimStart(' ');
        if (trimmed.Length > 0 && trimmed[0] is '|' or '>')
        {
            // A block scalar: text, with nothing inside it a pointer can name; an item of one is where its dash is.
            valueLine = -1;
            valueColumn = 0;
            return;
        }

        if (trimmed.Length > 0 && trimmed[0] != '#')
        {
            valueLine = line;
            valueColumn = start + rest.Length - trimmed.Length;
            return;
        }

        var next = NextContentLine(line + 1);
        var deeper = next >= 0 && (Column(next) > column ||
            (sequenceMayShareIndent && Column(next) == column && IsItem(Rest(next, column))));
        valueLine = deeper ? next : -1;
        valueColumn = deeper ? Column(next) : 0;
    }

    /// <summary>A block mapping key at the start of <paramref name="text"/>: its value, its length and where its colon ends.</summary>
    private static (string Key, int Length, int End)? ReadKey(string text)
    {
        if (text.Length == 0 || "{[&*!?|>%@`".IndexOf(text[0]) >= 0)
        {
            return null;
        }

        if (text[0] is '"' or '\'')
        {
            var key = new StringBuilder();
            for (var index = 1; index < text.Length; index++)
            {
                var c = text[index];
                if (c == text[0] && text[0] == '\'' && index + 1 < text.Length && text[index + 1] == '\'')
                {
                    key.Append('\'');
                    index++;
                }
                else if (c == text[0])
                {
                    return Colon(text, index + 1) is { } end ? (key.ToString(), index + 1, end) : null;
                }
                else if (c == '\\' && text[0] == '"')
                {
                    if (index + 1 >= text.Length || text[index + 1] is not ('"' or '\\' or '/'))
                    {
                        return null;
                    }

                    key.Append(text[++index]);
                }
                else
                {
                    key.Append(c);
                }
            }

            return null;
        }

        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == ':' && (index + 1 == text.Length || text[index + 1] == ' '))
            {
                return (text.Substring(0, index).TrimEnd(' '), index, index + 1);
            }

            if (text[index] == '#' && index > 0 && text[index - 1] == ' ')
            {
                return null;
            }
        }

        return null;
    }

    private static int? Colon(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index < text.Length && text[index] == ':' && (index + 1 == text.Length || text[index + 1] == ' ') ? index + 1 : null;
    }

    /// <summary>The first line from <paramref name="line"/> on that holds something besides spaces or a comment; -1 at the end.</summary>
    private int NextContentLine(int line)
    {
        for (; line < _lineStarts.Count; line++)
        {
            var indent = Column(line);
            var start = _lineStarts[line] + indent;
            if (start < LineEnd(line) && _text[start] != '#')
            {
                return line;
            }
        }

        return -1;
    }

    /// <summary>How many spaces the line starts with (a text with a tab there is not followed at all).</summary>
    private int Column(int line) => _indents[line];

    private int CountSpaces(int line)
    {
        var start = _lineStarts[line];
        var index = start;
        var end = LineEnd(line);
        while (index < end && _text[index] == ' ')
        {
            index++;
        }

        return index - start;
    }

    private string Rest(int line, int column)
    {
        var start = Math.Min(_lineStarts[line] + column, LineEnd(line));
        return _text.Substring(start, LineEnd(line) - start);
    }

    private int LineEnd(int line)
    {
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;
        return end > _lineStarts[line] && _text[end - 1] == '\r' ? end - 1 : end;
    }
}
