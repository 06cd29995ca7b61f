using System;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>Puts an API key where the spec's scheme says, on a message built for one attempt.</summary>
internal static class ApiKeyPlacement
{
    internal static void Apply(HttpRequestMessage request, ApiSecurity security, string key)
    {
        var name = security.ApiKeyName!;
        switch (security.ApiKeyLocation)
        {
            case ApiKeyLocation.Header:
                if (!request.Headers.TryAddWithoutValidation(name, key))
                {
                    // Never sent without its key: ApiSecurity refuses such names, so this is a runtime bug, not the caller's.
                    throw new InvalidOperationException($"The API key's header '{name}' could not be set on the request.");
                }

                break;
            case ApiKeyLocation.Query:
                request.RequestUri = WithQueryPair(request.RequestUri!, name, key);
                break;
            case ApiKeyLocation.Cookie:
                // One Cookie header: the operation's own cookies, if any, and then the key.
                var pair = name + "=" + key;
                if (request.Headers.TryGetValues(IoTDARequest.CookieHeader, out var existing))
                {
                    pair = string.Join(IoTDARequest.CookieSeparator, existing) + IoTDARequest.CookieSeparator + pair;
                    request.Headers.Remove(IoTDARequest.CookieHeader);
                }

                request.Headers.TryAddWithoutValidation(IoTDARequest.CookieHeader, pair);
                break;
            default:
                throw new InvalidOperationException("An API key location the runtime does not know: " + security.ApiKeyLocation + ".");
        }
    }

    /// <summary>The URI with one more query pair, encoded by the rule every query value of a request follows.</summary>
    private static Uri WithQueryPair(Uri uri, string name, string value)
    {
        var builder = new CharBuilder(stackalloc char[256]);
        try
        {
            builder.Append(uri.AbsoluteUri.AsSpan());
            builder.Append(uri.Query.Length == 0 ? '?' : '&');
            PercentEncoding.AppendEncoded(ref builder, name);
            builder.Append('=');
            PercentEncoding.AppendEncoded(ref builder, value);
            return new Uri(builder.ToString(), UriKind.Absolute);
        }
        finally
        {
            builder.Dispose();
        }
    }
}
