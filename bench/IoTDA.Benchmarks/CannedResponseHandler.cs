using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Benchmarks;

/// <summary>
/// Answers every request with a fresh 200 carrying <see cref="UnbindRequest.ResponseBody"/>, as a socket handler
/// would. In setup it can also keep a copy of one request, so the benchmark can check what was really sent; the
/// measured calls never pay for that copy.
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    private bool _captureNext;
    private SentRequest? _captured;

    /// <summary>Keeps the next request, for <see cref="TakeCaptured"/>.</summary>
    public void CaptureNext() => _captureNext = true;

    public SentRequest TakeCaptured()
    {
        var captured = _captured ?? throw new InvalidOperationException("No request was captured.");
        _captured = null;
        return captured;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _captureNext ? CaptureThenAnswerAsync(request, cancellationToken) : Task.FromResult(Answer(request));

    private async Task<HttpResponseMessage> CaptureThenAnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _captureNext = false;
        var headers = new List<KeyValuePair<string, string>>();
        string? authorization = null;
        foreach (var header in request.Headers.NonValidated)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = header.Value.ToString();
            }
            else
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
            }
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

        _captured = new SentRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body, authorization);
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

/// <summary>A request as it reached the handler: every header but Authorization, which is kept apart.</summary>
internal sealed record SentRequest(
    string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? Authorization);
