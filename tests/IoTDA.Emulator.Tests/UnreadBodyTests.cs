using System;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// What the headers alone turn away is turned away before the body is read: each request announces a 29 MB body (under the 30 MB Kestrel accepts) and
/// sends none of it, so only an answer given without the body can arrive.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class UnreadBodyTests
{
    private const int AnnouncedLength = 29_000_000;

    // Not a measurement: the bound after which a request still waiting for its answer counts as one whose body was awaited.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly IoTDAEmulator _emulator;

    public UnreadBodyTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    public static TheoryData<string, string> Rejected()
    {
        var now = AkSkSigner.FormatSdkDate(DateTimeOffset.UtcNow);
        var stale = AkSkSigner.FormatSdkDate(DateTimeOffset.UtcNow.AddHours(-2));
        return new TheoryData<string, string>
        {
            { "no credentials", string.Empty },
            { "a malformed Authorization", "Authorization: SDK-HMAC-SHA256 nonsense\r\n" },
            { "an unknown access key", $"Authorization: SDK-HMAC-SHA256 Access=nobody, SignedHeaders=host;x-sdk-date, Signature=00\r\nX-Sdk-Date: {now}\r\n" },
            { "a stale date", $"Authorization: SDK-HMAC-SHA256 Access={{ak}}, SignedHeaders=host;x-sdk-date, Signature=00\r\nX-Sdk-Date: {stale}\r\n" },
            { "a wrong token", "X-Auth-Token: not-the-token\r\n" },
        };
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Credentials_the_headers_reject_are_answered_before_the_body_arrives(string why, string credentialHeaders)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_emulator.Endpoint.Host, _emulator.Endpoint.Port);
        var stream = client.GetStream();
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST /v5/iot/{_emulator.ProjectId}/device-policies HTTP/1.1\r\nHost: {_emulator.Endpoint.Authority}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {AnnouncedLength}\r\n{credentialHeaders.Replace("{ak}", _emulator.AccessKey, StringComparison.Ordinal)}\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = await ReadAnswerAsync(stream, why);

        Assert.StartsWith("HTTP/1.1 401 ", answer.Head, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal(EmulatorErrorCodes.GatewayAuthenticationFailed, body.RootElement.GetProperty("error_code").GetString());
    }

    /// <summary>The status line and headers, and the body of the length they announce.</summary>
    private static async Task<(string Head, string Body)> ReadAnswerAsync(NetworkStream stream, string why)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var text = received.ToString();
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0 && ContentLength(text[..end]) is { } length && text.Length >= end + 4 + length)
                {
                    return (text[..end], text.Substring(end + 4, length));
                }

                var read = await stream.ReadAsync(buffer, guard.Token);
                Assert.True(read > 0, $"With {why}, the emulator closed the connection without an answer: {text}");
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"With {why}, no answer came while the body was unsent: the emulator waited for it before checking the credentials.");
            throw;
        }
    }

    private static int? ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
