using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>A header that takes part in the signature: its name as sent and its value as sent.</summary>
internal readonly struct SignedHeader
{
    public SignedHeader(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>
    /// The official SDKs sign every header except <c>content-type</c> and names containing <c>_</c>
    /// (gateways drop such names).
    /// </summary>
    public static bool IsSignedByDefault(string name) =>
        name.IndexOf('_') < 0 && !string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase);

    /// <summary>Orders by lower-case name, ordinally, as SignedHeaders requires.</summary>
    public static readonly IComparer<SignedHeader> ByLowerCaseName = new LowerCaseNameComparer();

    private sealed class LowerCaseNameComparer : IComparer<SignedHeader>
    {
        public int Compare(SignedHeader x, SignedHeader y)
        {
            var length = Math.Min(x.Name.Length, y.Name.Length);
            for (var i = 0; i < length; i++)
            {
                var difference = ToLowerAscii(x.Name[i]) - ToLowerAscii(y.Name[i]);
                if (difference != 0)
                {
                    return difference;
                }
            }

            return x.Name.Length - y.Name.Length;
        }

        private static int ToLowerAscii(char value) => value >= 'A' && value <= 'Z' ? value + 32 : value;
    }
}
