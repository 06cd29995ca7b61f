using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Parsing;

/// <summary>Turns spec names into C# names: PascalCase for types and members, camelCase for parameters.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>target_ids</c> → <c>TargetIds</c>, <c>ALLOW</c> → <c>Allow</c>, <c>DevicePolicy</c> stays. A sign before a
    /// digit is a word (<c>+1</c> → <c>Plus1</c>, <c>-1</c> → <c>Minus1</c>, GitHub's reactions), where it would
    /// otherwise vanish and leave two names the same.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length + 5);
        if (name.Length > 1 && name[1] is >= '0' and <= '9' && name[0] is '+' or '-')
        {
            builder.Append(name[0] == '+' ? "Plus" : "Minus");
        }

        foreach (var word in Words(name))
        {
            var allUpper = IsAllUpper(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            for (var i = 1; i < word.Length; i++)
            {
                builder.Append(allUpper ? char.ToLowerInvariant(word[i]) : word[i]);
            }
        }

        if (builder.Length == 0)
        {
            return "";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>policy_id</c> → <c>policyId</c>, <c>Instance-Id</c> → <c>instanceId</c>.</summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        if (pascal.Length == 0 || pascal[0] == '_')
        {
            return pascal;
        }

        var leadingUpper = 1;
        while (leadingUpper < pascal.Length && char.IsUpper(pascal[leadingUpper]) &&
               (leadingUpper + 1 == pascal.Length || char.IsUpper(pascal[leadingUpper + 1])))
        {
            leadingUpper++;
        }

        return pascal.Substring(0, leadingUpper).ToLowerInvariant() + pascal.Substring(leadingUpper);
    }

    public static bool IsKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>Whether the text is already a plain C# identifier (ASCII letters, digits, underscores).</summary>
    public static bool IsPlainIdentifier(string value)
    {
        if (value.Length == 0 || !(IsAsciiLetter(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsAsciiLetter(c) || char.IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (IsAsciiLetter(c) || (c >= '0' && c <= '9'))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsAllUpper(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter && word.Length > 1;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
