using System.Linq;
using System.Text;

namespace IoTDA.Generator.Tests.SpecReading;

/// <summary>
/// The C# names the README promises for spec names, written here from the rule rather than shared with the
/// generator: words are the runs of ASCII letters and digits; each starts upper-case, and an all-capitals word
/// of two or more letters continues lower-case. Parameters are the camelCase of that.
/// </summary>
internal static class CSharpNames
{
    /// <summary><c>target_ids</c> → <c>TargetIds</c>, <c>Sp-Auth-Token</c> → <c>SpAuthToken</c>, <c>ALLOW</c> → <c>Allow</c>.</summary>
    public static string Pascal(string specName)
    {
        var builder = new StringBuilder();
        var word = new StringBuilder();
        foreach (var c in specName + " ")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var shout = word.Length > 1 && word.ToString().Any(char.IsAsciiLetter) && !word.ToString().Any(char.IsAsciiLetterLower);
                builder.Append(char.ToUpperInvariant(word[0])).Append(shout ? word.ToString(1, word.Length - 1).ToLowerInvariant() : word.ToString(1, word.Length - 1));
                word.Clear();
            }
        }

        return builder.Length > 0 && char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary><c>policy_id</c> → <c>policyId</c>, <c>Instance-Id</c> → <c>instanceId</c>.</summary>
    public static string Camel(string specName)
    {
        var pascal = Pascal(specName);
        if (pascal.Length == 0 || pascal[0] == '_')
        {
            return pascal;
        }

        // A leading acronym is lowered whole: URLPath → urlPath.
        var upper = 1;
        while (upper < pascal.Length && char.IsAsciiLetterUpper(pascal[upper]) && (upper + 1 == pascal.Length || char.IsAsciiLetterUpper(pascal[upper + 1])))
        {
            upper++;
        }

        return pascal.Substring(0, upper).ToLowerInvariant() + pascal.Substring(upper);
    }
}
