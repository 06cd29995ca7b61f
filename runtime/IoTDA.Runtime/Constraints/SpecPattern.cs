using System;
using System.Text;
using System.Text.RegularExpressions;

namespace IoTDA.Runtime;

/// <summary>
/// The one rule for reading a spec's <c>pattern</c>: compiled (linked) into the runtime, the generator and the
/// analyzers, so all three accept and match the same strings.
/// </summary>
internal static class SpecPattern
{
    /// <summary>Matches only where no character is left: the end of the input, in either engine.</summary>
    private const string EndOfInput = @"(?![\s\S])";

    /// <summary>
    /// JSON Schema patterns are ECMAScript regular expressions: that dialect first. .NET's ECMAScript mode rejects some
    /// constructs ECMAScript has (<c>\p{...}</c>, lookbehind); the default engine, culture-invariant, reads those the
    /// same way. Null when neither accepts the pattern.
    /// </summary>
    public static Regex? TryCreate(string pattern, TimeSpan matchTimeout)
    {
        var anchored = AnchorDollarToEnd(pattern);
        try
        {
            return new Regex(anchored, RegexOptions.ECMAScript, matchTimeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(anchored, RegexOptions.CultureInvariant, matchTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Both .NET engines let <c>$</c> match before a final <c>\n</c>, so <c>^[a-z]+$</c> would accept <c>"abc\n"</c>;
    /// in ECMAScript, without the multiline flag, <c>$</c> is the end of the input. Every <c>$</c> that is an anchor
    /// (not escaped, not inside a character class) becomes a lookahead for "nothing left".
    /// </summary>
    private static string AnchorDollarToEnd(string pattern)
    {
        if (pattern.IndexOf('$') < 0)
        {
            return pattern;
        }

        var rewritten = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                rewritten.Append(c).Append(pattern[++i]);
                continue;
            }

            if (!inClass && c == '[')
            {
                inClass = true;
                rewritten.Append(c);

                // A ']' right after '[' or '[^' is a member of the class in .NET, not its end.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    rewritten.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    rewritten.Append(pattern[++i]);
                }

                continue;
            }

            if (inClass && c == ']')
            {
                inClass = false;
            }

            if (!inClass && c == '$')
            {
                rewritten.Append(EndOfInput);
            }
            else
            {
                rewritten.Append(c);
            }
        }

        return rewritten.ToString();
    }
}
