using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IoTDA.Runtime;

/// <summary>Recognises the gateway's "signature expired" answer and reads the server's clock from it.</summary>
internal static class ClockSkew
{
    private static readonly Regex ServerTimeInMessage = new(
        "server time\\s*:\\s*(\\d{8}T\\d{6}Z)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The server's time when <paramref name="result"/> is a 401 saying the signature expired, else null.</summary>
    internal static DateTimeOffset? ServerTime(AttemptResult? result)
    {
        if (result is null || result.Response.StatusCode != HttpStatusCode.Unauthorized || result.ContiguousBody.IsEmpty)
        {
            return null;
        }

#if NET
        var text = Encoding.UTF8.GetString(result.ContiguousBody);
#else
        var text = Encoding.UTF8.GetString(result.ContiguousBody.ToArray());
#endif
        if (text.IndexOf("expired", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        if (result.Response.Headers.Date is { } date)
        {
            return date;
        }

        var match = ServerTimeInMessage.Match(text);
        return match.Success &&
               DateTimeOffset.TryParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var serverTime)
            ? serverTime
            : null;
    }
}
