using System;

namespace IoTDA.Runtime;

/// <summary>
/// Which names an API key's header or cookie may have: one rule for the generator, which reports a scheme whose key
/// could not be sent, and for <see cref="ApiSecurity"/>, which refuses one given by hand.
/// </summary>
internal static class ApiKeyNameRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>
    /// Where <paramref name="name"/> stops being a token, the rule for header names (RFC 9110) and cookie names
    /// (RFC 6265), or -1. A query parameter's name is percent-encoded, so any name does there.
    /// </summary>
    internal static int FirstRefused(string name, bool inQuery)
    {
        if (inQuery)
        {
            return -1;
        }

        for (var index = 0; index < name.Length; index++)
        {
            var c = name[index];
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || TokenSymbols.IndexOf(c) >= 0))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Headers the request itself needs (its host, its content's): a key there would be dropped or break the request.</summary>
    internal static bool IsReservedHeader(string name) =>
        string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);
}
