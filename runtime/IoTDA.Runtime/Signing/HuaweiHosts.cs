using System;

namespace IoTDA.Runtime;

/// <summary>What a host name says about signing: public regional endpoints take plain signatures; instance hosts
/// (<c>&lt;id&gt;.st1.iotda-app.&lt;region&gt;.myhuaweicloud.com</c>) name their region and need derived ones.</summary>
internal static class HuaweiHosts
{
    private const string PublicPrefix = "iotda.";
    private const string CloudSuffix = ".myhuaweicloud.com";
    private const string InstanceMarker = ".iotda-app.";

    internal static Uri PublicEndpoint(string regionId) => new("https://" + PublicPrefix + regionId + CloudSuffix);

    internal static bool IsPublicEndpoint(string host) =>
        host.StartsWith(PublicPrefix, StringComparison.OrdinalIgnoreCase) &&
        host.EndsWith(CloudSuffix, StringComparison.OrdinalIgnoreCase) &&
        IsRegionId(host.Substring(PublicPrefix.Length, host.Length - PublicPrefix.Length - CloudSuffix.Length));

    internal static string? RegionFromInstanceHost(string host)
    {
        if (!host.EndsWith(CloudSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var marker = host.IndexOf(InstanceMarker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        var start = marker + InstanceMarker.Length;
        var region = host.Substring(start, host.Length - CloudSuffix.Length - start);
        return IsRegionId(region) ? region.ToLowerInvariant() : null;
    }

    /// <summary>Region IDs look like <c>cn-north-4</c> or <c>ap-southeast-3</c>: letters, letters, one or two digits.</summary>
    internal static bool IsRegionId(string value)
    {
        var parts = value.Split('-');
        return parts.Length == 3 &&
               parts[0].Length >= 2 && IsLetters(parts[0]) &&
               parts[1].Length >= 1 && IsLetters(parts[1]) &&
               parts[2].Length is 1 or 2 && IsDigits(parts[2]);
    }

    private static bool IsLetters(string value)
    {
        foreach (var character in value)
        {
            if (character is < 'a' or > 'z' && character is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string value)
    {
        foreach (var character in value)
        {
            if (character is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
