using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>
/// Records every request in full and answers each with the status it is told, and <c>{}</c> unless that is 204.
/// One handler serves many calls made one after another (the tests of one class do not run in parallel).
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = new();
    private HttpStatusCode _status = HttpStatusCode.OK;

    /// <summary>Forgets what was recorded and answers the next requests with <paramref name="status"/>.</summary>
    public void Reset(int status)
    {
        lock (_requests)
        {
            _requests.Clear();
            _status = (HttpStatusCode)status;
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request without a URI.");
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(header => new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)))
            .ToArray();
        var recorded = new RecordedRequest(request.Method, uri.AbsolutePath, uri.Query, headers, request.Content?.Headers.ContentType?.ToString(), body);
        HttpStatusCode status;
        lock (_requests)
        {
            _requests.Add(recorded);
            status = _status;
        }

        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (status != HttpStatusCode.NoContent)
        {
            response.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return response;
    }
}
