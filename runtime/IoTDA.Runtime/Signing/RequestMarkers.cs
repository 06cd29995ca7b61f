using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>
/// Remembers on the request which headers the signer added itself, so a request that passes through the signer
/// again (an outer retry handler resends the same message) gets a fresh date instead of keeping a stale one.
/// </summary>
internal static class RequestMarkers
{
#if NET
    private static readonly HttpRequestOptionsKey<bool> DateAddedBySigner = new("IoTDA.DateAddedBySigner");

    internal static bool WasDateAddedBySigner(HttpRequestMessage request) =>
        request.Options.TryGetValue(DateAddedBySigner, out var added) && added;

    internal static void MarkDateAddedBySigner(HttpRequestMessage request) => request.Options.Set(DateAddedBySigner, true);
#else
    private const string DateAddedBySigner = "IoTDA.DateAddedBySigner";

    internal static bool WasDateAddedBySigner(HttpRequestMessage request) =>
        request.Properties.TryGetValue(DateAddedBySigner, out var added) && added is true;

    internal static void MarkDateAddedBySigner(HttpRequestMessage request) => request.Properties[DateAddedBySigner] = true;
#endif
}
