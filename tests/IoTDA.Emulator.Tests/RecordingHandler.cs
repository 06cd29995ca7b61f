using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// Sits between the generated client and the network and notes each exchange: the Authorization sent, the
/// canonical request the client's signature covers (rebuilt with <see cref="AkSkSigner"/> from the message as
/// sent), and what came back.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly Action<HttpRequestMessage>? _tamper;

    public RecordingHandler(Action<HttpRequestMessage>? tamper = null)
        : base(new HttpClientHandler())
    {
        _tamper = tamper;
    }

    public List<RecordedExchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = Header(request, "Authorization");
        var canonicalRequest = authorization is null ? null : await CanonicalRequestAsync(request, authorization);
        _tamper?.Invoke(request);
        var response = await base.SendAsync(request, cancellationToken);
        Exchanges.Add(new RecordedExchange(
            authorization, canonicalRequest, response.StatusCode, response.Headers.Date,
            response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.Single() : null));
        return response;
    }

    private static async Task<string> CanonicalRequestAsync(HttpRequestMessage request, string authorization)
    {
        var signedHeaders = authorization.Split(", ").Single(part => part.StartsWith("SignedHeaders=", StringComparison.Ordinal))
            .Substring("SignedHeaders=".Length).Split(';');
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync();
        var input = new AkSkSigningInput(request.Method.Method, request.RequestUri!.PathAndQuery) { SignedHeaders = signedHeaders, Body = body };
        foreach (var name in signedHeaders)
        {
            input.WithHeader(name, Header(request, name) ?? throw new InvalidOperationException($"The signed header {name} is not on the request."));
        }

        return AkSkSigner.CreateCanonicalRequest(input);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}

internal sealed record RecordedExchange(
    string? Authorization, string? CanonicalRequest, HttpStatusCode Status, DateTimeOffset? Date, string? RequestId);
