using System;
using System.Net;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>
/// Redirects are never followed with credentials: .NET drops <c>Authorization</c> on a redirect but sends
/// <c>X-Security-Token</c> and <c>X-Auth-Token</c> on to whatever host the <c>Location</c> names. The handlers the
/// SDK creates do not follow them; an answer that still comes from another origin (a handler the caller brought
/// followed one) is refused, and a 3xx that arrives is reported as the error it is.
/// </summary>
internal static class Redirects
{
    internal const string Advice = "set AllowAutoRedirect = false on the handler you give the HttpClient";

    /// <summary>Turns redirects off on the handler types that have the switch; others are covered by the origin check.</summary>
    internal static void DisableOn(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler httpClientHandler:
                httpClientHandler.AllowAutoRedirect = false;
                break;
#if NET
            case SocketsHttpHandler socketsHandler:
                socketsHandler.AllowAutoRedirect = false;
                break;
#endif
        }
    }

    /// <summary>
    /// Throws (and disposes the response) when it answers a request sent somewhere other than
    /// <paramref name="sentTo"/>'s origin: scheme, host and port.
    /// </summary>
    internal static void ThrowIfFollowed(HttpResponseMessage response, Uri sentTo, string subject)
    {
        // A handler that did not redirect leaves the URI it was given: the same object needs no comparing, which
        // for Uri.Compare means building both origins as strings.
        var answeredFrom = response.RequestMessage?.RequestUri;
        if (answeredFrom is null || ReferenceEquals(answeredFrom, sentTo) || !answeredFrom.IsAbsoluteUri ||
            Uri.Compare(answeredFrom, sentTo, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw new IoTDAException(
            $"{subject} was redirected from {Origin(sentTo)} to {Origin(answeredFrom)}, and the answer from there was refused: " +
            $"the credentials may have gone along. The SDK does not follow redirects; {Advice}.",
            status, requestId: null);
    }

    /// <summary>Where a 3xx points, by host only: the path and query of a Location are not ours to repeat.</summary>
    internal static string Describe(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return "redirecting without a Location header, which the SDK does not follow";
        }

        if (!location.IsAbsoluteUri && response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } sent)
        {
            location = new Uri(sent, location);
        }

        return location.IsAbsoluteUri
            ? "redirecting to " + location.Host + ", which the SDK does not follow"
            : "redirecting to a relative location, which the SDK does not follow";
    }

    internal static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
