using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

/// <summary>Listens to process-wide telemetry, so it runs alone.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task An_unexpected_failure_reaches_the_caller_as_itself_with_logging_on()
    {
        var logs = new FakeLogCollector();
        var options = TestClient.Options();
        options.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var (client, stub) = TestClient.Create(options);
        stub.Throw(new InvalidOperationException("inner handler broke"));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.UnbindAsync());

        Assert.Equal("inner handler broke", exception.Message);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("UnbindDevicePolicy") && r.Message.Contains(nameof(InvalidOperationException)));
    }

    [Fact]
    public async Task Logs_NameOperationStatusAndRequestId_AndNeverASecret()
    {
        var logs = new FakeLogCollector();
        var options = TestClient.Options();
        options.Credentials = new AkSkCredentials("LOG-AK", "LOG-SECRET", "LOG-SECURITY-TOKEN");
        options.LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse, r => r.Headers.Add("X-Request-Id", "log-req-1"))
            .Respond(HttpStatusCode.BadRequest, "{\"error_code\":\"IOTDA.000006\",\"error_msg\":\"Invalid input data.\"}");

        await client.UnbindAsync();
        await Assert.ThrowsAsync<IoTDAApiException>(() => client.UnbindAsync());

        var lines = logs.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(lines, l => l.Contains("UnbindDevicePolicy POST /v5/iot/{project_id}/device-policies/{policy_id}/unbind answered 200")
                                    && l.Contains("log-req-1"));
        Assert.Contains(lines, l => l.Contains("UnbindDevicePolicy") && l.Contains("HTTP 400 IOTDA.000006"));
        var everything = string.Join("\n", lines) + string.Join("\n", logs.GetSnapshot().Select(r => string.Join(",", r.StructuredState ?? [])));
        Assert.DoesNotContain("LOG-SECRET", everything);
        Assert.DoesNotContain("LOG-SECURITY-TOKEN", everything);
        Assert.DoesNotContain("SDK-HMAC-SHA256", everything);
    }

    [Fact]
    public async Task ActivityAndDurationMetric_AreEmittedUnderIoTDASdk()
    {
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "IoTDA.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);

        var measurements = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "IoTDA.Sdk" && instrument.Name == "iotda.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        meterListener.Start();

        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, TestClient.UnbindResponse);
        await client.UnbindAsync();

        var activity = Assert.Single(activities, a => a.OperationName == "UnbindDevicePolicy");
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        var measurement = Assert.Single(measurements, m => Equals(m.Tags["iotda.operation"], "UnbindDevicePolicy"));
        Assert.Equal(200, measurement.Tags["http.response.status_code"]);
        Assert.True(measurement.Seconds >= 0);
    }
}
