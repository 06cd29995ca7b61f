using System;

namespace IoTDA.Runtime;

internal static class EndpointResolver
{
    /// <summary>The options' endpoint, else the region's public endpoint, else the HttpClient's base address.</summary>
    internal static Uri Resolve(IoTDAClientOptions options, Uri? baseAddress)
    {
        var endpoint = options.Endpoint
            ?? (options.RegionId is { } region ? HuaweiHosts.PublicEndpoint(region) : null)
            ?? baseAddress
            ?? throw new ArgumentException(
                "No endpoint: set IoTDAClientOptions.Endpoint, or IoTDAClientOptions.RegionId for the public endpoint " +
                "(https://iotda.{region}.myhuaweicloud.com), or the HttpClient's BaseAddress.",
                nameof(options));

        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The endpoint '{endpoint}' is relative; expected an absolute http or https URI.", nameof(options));
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The endpoint '{endpoint}' uses '{endpoint.Scheme}'; expected http or https.", nameof(options));
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            throw new ArgumentException(
                $"The endpoint '{endpoint}' is plain http to a host that is not loopback, which would expose credentials; use https.",
                nameof(options));
        }

        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            throw new ArgumentException($"The endpoint '{endpoint}' has a query or fragment; expected only scheme, host, port and path.", nameof(options));
        }

        return endpoint;
    }
}
