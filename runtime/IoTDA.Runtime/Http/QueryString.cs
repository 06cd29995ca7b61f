using System.Collections.Generic;
using System.Text;

namespace IoTDA.Runtime;

internal static class QueryString
{
    /// <summary>Builds <c>?k=v&amp;...</c> with every name and value percent-encoded as the canonical request encodes them.</summary>
    internal static string Build(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var parameter in query)
        {
            builder.Append(builder.Length == 0 ? '?' : '&');
            PercentEncoding.AppendEncoded(builder, parameter.Key);
            builder.Append('=');
            PercentEncoding.AppendEncoded(builder, parameter.Value);
        }

        return builder.ToString();
    }
}
