using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;

namespace IoTDA.Generator.Tests.Infrastructure;

/// <summary>One request as the stub server saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? InstanceId, string? ContentType = null)
{
    /// <summary>Every request header as sent (values as one text), the content's excepted.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body's bytes; <see cref="Body"/> is them as UTF-8.</summary>
    public byte[]? BodyBytes { get; init; }
}

/// <summary>Answers requests from a function and records them; nothing leaves the process.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _respond;

    public StubHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) => _respond = respond;

    public List<RecordedRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A handler that answers every request with 200 and the same JSON.</summary>
    public static StubHandler Answering(string json) => new((_, _) => Json(HttpStatusCode.OK, json));

    /// <summary>A generated client on the real runtime, sending to this handler without retries.</summary>
    public IoTDAClient CreateClient(string? instanceId = "instance-1") => new(new HttpClient(this), Options(instanceId));

    /// <summary>The client generated from <c>Specs/uploads.openapi.yaml</c>, likewise.</summary>
    public Uploads.UploadsClient CreateUploadsClient() => new(new HttpClient(this), Options("instance-1"));

    private static IoTDAClientOptions Options(string? instanceId) => new()
    {
        Endpoint = new Uri("https://iotda.example.test"),
        ProjectId = "project-1",
        InstanceId = instanceId,
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var body = bytes is null ? null : Encoding.UTF8.GetString(bytes);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var instanceId = request.Headers.TryGetValues("Instance-Id", out var values) ? string.Join(",", values) : null;
        var contentType = request.Content is not null && request.Content.Headers.NonValidated.TryGetValues("Content-Type", out var types) ? types.ToString() : null;
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, instanceId, contentType) { Headers = headers, BodyBytes = bytes };
        Requests.Add(recorded);
        return _respond(recorded, Requests.Count);
    }
}

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
public sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly Action<T>? _onReport;

    public RecordingProgress(Action<T>? onReport = null) => _onReport = onReport;

    public List<T> Reports { get; } = new();

    public void Report(T value)
    {
        Reports.Add(value);
        _onReport?.Invoke(value);
    }
}
