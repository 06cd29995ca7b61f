using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>A request as it reached the wire: every header the handler saw and the body bytes.</summary>
public sealed record SentRequest(string Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}

/// <summary>Answers each request with the next scripted response (or exception) and records what was sent.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<SentRequest> Sent { get; } = new();

    public StubHandler Respond(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, body.TrimStart().StartsWith('<') ? "text/html" : "application/json");
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });
        return this;
    }

    public StubHandler Throw(Exception exception)
    {
        _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: the attempt ends only when its token is cancelled.</summary>
    public StubHandler Hang()
    {
        _script.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.NonValidated
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
            .Concat(request.Content?.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
                    ?? Enumerable.Empty<KeyValuePair<string, string>>())
            .ToList();
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (Sent)
        {
            Sent.Add(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
        }

        if (!_script.TryDequeue(out var next))
        {
            throw new InvalidOperationException($"No scripted response left for {request.Method} {request.RequestUri}.");
        }

        return await next(request, cancellationToken);
    }
}
