using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace IoTDA.Runtime;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>IoTDA.Sdk</c>: OpenTelemetry picks them up with
/// <c>AddSource("IoTDA.Sdk")</c> and <c>AddMeter("IoTDA.Sdk")</c>, no extra dependency.
/// </summary>
public static class IoTDATelemetry
{
    public const string Name = "IoTDA.Sdk";

    public const string RequestDurationInstrument = "iotda.client.request.duration";

    internal static readonly string Version = ReadVersion();

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        RequestDurationInstrument, unit: "s", description: "Duration of IoTDA API calls, retries included.");

    private static string ReadVersion()
    {
        var version = typeof(IoTDATelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
