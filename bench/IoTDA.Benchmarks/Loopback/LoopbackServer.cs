using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IoTDA.Benchmarks.Loopback;

/// <summary>
/// An in-process Kestrel server on a free loopback port that answers every request as the in-memory handler does
/// (200, <see cref="UnbindRequest.ResponseBody"/>), with nothing else in its pipeline, so what it adds to a call is
/// the same for every client; in setup it can keep one request (<see cref="Capture"/>).
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>Where the server listens, <c>http://127.0.0.1:{port}</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackServer(builder.Build());
        server._app.Run(server.AnswerAsync);
        await server._app.StartAsync().ConfigureAwait(false);
        server.Endpoint = server._app.Urls is { Count: > 0 } urls ? new List<string>(urls)[0] : throw new InvalidOperationException("Kestrel reported no address.");
        return server;
    }

    /// <summary>Keeps one request, as it arrived over the wire, for a benchmark's setup to check.</summary>
    public RequestCapture Capture { get; } = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private async Task AnswerAsync(HttpContext context)
    {
        if (Capture.TakeTurn())
        {
            await KeepAsync(context.Request).ConfigureAwait(false);
        }
        else
        {
            // Read the body as any real server does before it answers.
            await context.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = UnbindRequest.ResponseBody.Length;
        context.Response.Headers["X-Request-Id"] = UnbindRequest.ResponseRequestId;
        await context.Response.Body.WriteAsync(UnbindRequest.ResponseBody).ConfigureAwait(false);
    }

    private async Task KeepAsync(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            headers.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body).ConfigureAwait(false);
        Capture.Keep(request.Method, request.Path.Value + request.QueryString.Value, headers, body.ToArray());
    }
}
