using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Benchmarks;

/// <summary>
/// Answers every request with a fresh 200 carrying <see cref="UnbindRequest.ResponseBody"/>, as a socket handler
/// would; in setup it can keep one request (<see cref="Capture"/>).
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    /// <summary>Keeps one request for a benchmark's setup to check.</summary>
    public RequestCapture Capture { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Capture.TakeTurn() ? CaptureThenAnswerAsync(request, cancellationToken) : Task.FromResult(Answer(request));

    private async Task<HttpResponseMessage> CaptureThenAnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers.NonValidated)
        {
            headers.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        Capture.Keep(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body);
        return Answer(request);
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(UnbindRequest.ResponseBody);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-Request-Id", UnbindRequest.ResponseRequestId);
        return response;
    }
}
