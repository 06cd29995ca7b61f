using System;

namespace IoTDA.Runtime;

internal static class HeaderValueRules
{
    internal static void ThrowIfInvalid(string name, string value)
    {
        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0 || value.IndexOf('\0') >= 0)
        {
            throw new ArgumentException(
                $"The header '{name}' has the value '{PathValueRules.Printable(value)}', which contains CR, LF or NUL; " +
                "header values must be a single line.",
                name);
        }
    }
}
