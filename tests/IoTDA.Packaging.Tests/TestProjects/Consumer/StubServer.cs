using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

/// <summary>Answers every request with one JSON body and prints what it received, one "request ..." line per fact.</summary>
internal sealed class StubServer : HttpMessageHandler
{
    private readonly HttpStatusCode _status;
    private readonly string _json;

    public StubServer(HttpStatusCode status, string json)
    {
        _status = status;
        _json = json;
    }

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        Console.WriteLine("request method: " + request.Method);
        Console.WriteLine("request url: " + request.RequestUri);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Console.WriteLine("request body: " + (body.Length == 0 ? "(none)" : body));
        Console.WriteLine("request instance: " + string.Join(",", request.Headers.TryGetValues("Instance-Id", out var ids) ? ids : Array.Empty<string>()));
        // The signature's value is not a valid HTTP credentials list (it has commas), so it is read raw.
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : "(none)";
        Console.WriteLine("request authorization: " + authorization.Split(' ')[0]);
        return new HttpResponseMessage(_status) { Content = new StringContent(_json, Encoding.UTF8, "application/json") };
    }
}
