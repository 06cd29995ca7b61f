using System;
using System.Text.RegularExpressions;

namespace IoTDA.Runtime;

/// <summary>
/// The one rule for reading a spec's <c>pattern</c>: compiled (linked) into the runtime, the generator and the
/// analyzers, so all three accept and match the same strings.
/// </summary>
internal static class SpecPattern
{
    /// <summary>
    /// JSON Schema patterns are ECMAScript regular expressions: that dialect first. .NET's ECMAScript mode rejects some
    /// constructs ECMAScript has (<c>\p{...}</c>, lookbehind); the default engine, culture-invariant, reads those the
    /// same way. Null when neither accepts the pattern.
    /// </summary>
    public static Regex? TryCreate(string pattern, TimeSpan matchTimeout)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, matchTimeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, matchTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
