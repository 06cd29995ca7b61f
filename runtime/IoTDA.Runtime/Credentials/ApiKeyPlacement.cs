using System;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>Puts an API key where the spec's scheme says, on a message built for one attempt.</summary>
internal static class ApiKeyPlacement
{
    private const string CookieHeader = "Cookie";

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
                var uri = request.RequestUri!;
                var separator = uri.Query.Length == 0 ? "?" : "&";
                request.RequestUri = new Uri(uri.AbsoluteUri + separator + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key), UriKind.Absolute);
                break;
            case ApiKeyLocation.Cookie:
                // One Cookie header: the operation's own cookies, if any, and then the key.
                var pair = name + "=" + key;
                if (request.Headers.TryGetValues(CookieHeader, out var existing))
                {
                    pair = string.Join("; ", existing) + "; " + pair;
                    request.Headers.Remove(CookieHeader);
                }

                request.Headers.TryAddWithoutValidation(CookieHeader, pair);
                break;
            default:
                throw new InvalidOperationException("An API key location the runtime does not know: " + security.ApiKeyLocation + ".");
        }
    }
}
