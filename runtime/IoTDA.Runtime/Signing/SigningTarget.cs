using System;
using System.Globalization;

namespace IoTDA.Runtime;

/// <summary>
/// What signing needs to know about where a request goes: the <c>host</c> value as sent and the region, and
/// whether the host is a public endpoint. A client computes it once for its endpoint; the handler per request.
/// </summary>
internal sealed class SigningTarget
{
    private SigningTarget(string authority, string host, string? region, bool isPublicEndpoint)
    {
        Authority = authority;
        Host = host;
        Region = region;
        IsPublicEndpoint = isPublicEndpoint;
    }

    /// <summary>The URI authority this target was made for, to tell whether it still applies.</summary>
    public string Authority { get; }

    /// <summary>The <c>Host</c> header value HttpClient sends for the URI: the host, and the port unless it is the default.</summary>
    public string Host { get; }

    /// <summary>The configured region, else the one an instance host names, else null.</summary>
    public string? Region { get; }

    public bool IsPublicEndpoint { get; }

    public static SigningTarget For(Uri uri, string? configuredRegion)
    {
        var hostName = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost.Trim('[', ']') + "]" : uri.IdnHost;
        var host = uri.IsDefaultPort ? hostName : hostName + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var region = configuredRegion ?? HuaweiHosts.RegionFromInstanceHost(uri.IdnHost);
        return new SigningTarget(uri.Authority, host, region, HuaweiHosts.IsPublicEndpoint(uri.IdnHost));
    }
}
