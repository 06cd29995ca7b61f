using System.Runtime.InteropServices;

namespace IoTDA.Runtime;

internal static class UserAgent
{
    /// <summary><c>IoTDA.Sdk/{version} ({framework})</c>, then the caller's suffix.</summary>
    internal static string Create(string? suffix)
    {
        var userAgent = IoTDATelemetry.Name + "/" + IoTDATelemetry.Version + " (" + RuntimeInformation.FrameworkDescription.Trim() + ")";
        return string.IsNullOrWhiteSpace(suffix) ? userAgent : userAgent + " " + suffix!.Trim();
    }
}
