using System.Collections.Generic;
using System.Globalization;

namespace IoTDA.Generator.Parsing;

/// <summary>Hands out unique names within one scope, suffixing a number on collision.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(params string[] reserved) => _taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Claims <paramref name="wanted"/> or, when taken, the first free <c>wanted2</c>, <c>wanted3</c>, ...</summary>
    public string Claim(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = wanted + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
