using System;

namespace IoTDA.Runtime;

internal static class EndpointResolver
{
    /// <summary>
    /// The options' endpoint, else the region's public endpoint, else the HttpClient's base address, else the spec's
    /// server. Each replaces the next whole, path included.
    /// </summary>
    internal static Uri Resolve(IoTDAClientOptions options, Uri? baseAddress, Uri? serverUrl = null)
    {
        if (options.Endpoint is null && options.RegionId is null && baseAddress is null && serverUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException(
                $"No endpoint: the spec's server '{serverUrl}' is relative to where the spec is served. Set IoTDAClientOptions.Endpoint " +
                $"to the absolute URL it stands for, path included (such as https://api.example.com{serverUrl.OriginalString.TrimEnd('/')}), " +
                "or the HttpClient's BaseAddress.",
                nameof(options));
        }

        var endpoint = options.Endpoint
            ?? (options.RegionId is { } region ? HuaweiHosts.PublicEndpoint(region) : null)
            ?? baseAddress
            ?? serverUrl
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

        // Without credentials (a spec that needs none) nothing secret travels, so plain http is the caller's choice.
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && options.Credentials is not null)
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
