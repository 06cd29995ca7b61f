using System;
using System.Collections.Generic;
using System.IO;

namespace IoTDA.Testing;

/// <summary>
/// Blocks of a Markdown file that are rendered from code, between <c>&lt;!-- generated: name (command) --&gt;</c> and
/// <c>&lt;!-- end generated --&gt;</c>. A test renders them and calls <see cref="Check"/>: with IOTDA_UPDATE_DOCS=1 the file
/// is rewritten, otherwise a block that drifted is reported with the command that regenerates it.
/// </summary>
public static class GeneratedDocs
{
    private const string EndMarker = "<!-- end generated -->";

    /// <summary>Null when every block matches (or was just rewritten); otherwise what drifted and how to fix it.</summary>
    public static string? Check(string file, string updateCommand, IEnumerable<(string Name, string Content)> blocks)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var drifted = new List<string>();
        foreach (var (name, content) in blocks)
        {
            var startMarker = "<!-- generated: " + name + " (" + updateCommand + ") -->\n";
            var start = text.IndexOf(startMarker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(EndMarker, start, StringComparison.Ordinal);
            if (end < 0)
            {
                return Path.GetFileName(file) + " has no " + name + " block between '" + startMarker.TrimEnd() + "' and '" + EndMarker + "'";
            }

            start += startMarker.Length;
            if (text[start..end] != content)
            {
                drifted.Add(name);
                text = text[..start] + content + text[end..];
            }
        }

        if (drifted.Count == 0)
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable("IOTDA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, text);
            return null;
        }

        return "Blocks of " + file + " that differ from what they are rendered from: " + string.Join(", ", drifted) +
               ". Review the change, then run: " + updateCommand;
    }
}
