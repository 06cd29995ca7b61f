using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Generator.Tests.Infrastructure;

/// <summary>What <see cref="FaultyServer"/> did with one request.</summary>
public enum Fault
{
    Answered,
    Rejected,
    Reset,
    CutOff,
    Hung,
    Html,
    Empty,
    Malformed,
    WrongType,
}

/// <summary>
/// A plain HTTP/1.1 server on 127.0.0.1 that answers each bind or unbind request with a fault drawn from a seeded
/// random sequence, so a failing run replays exactly. Raw sockets rather than Kestrel: a reset, a body cut short
/// or a connection left hanging are what this server is for, and a framework would tidy them up.
/// </summary>
public sealed class FaultyServer : IAsyncDisposable
{
    /// <summary>No request is left hanging longer than this, whatever the client does.</summary>
    private static readonly TimeSpan HangCap = TimeSpan.FromSeconds(10);

    private static readonly Fault[] Faults = Enum.GetValues<Fault>();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random;
    private readonly Task _accepting;

    public FaultyServer(int seed)
    {
        _random = new Random(seed);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>How often each fault was served; a run that met none of some fault proves nothing about it.</summary>
    public ConcurrentDictionary<Fault, int> Served { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener stopped under a pending accept, as intended.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            hang.CancelAfter(HangCap);
            try
            {
                var ids = await ReadTargetIdsAsync(stream, hang.Token);
                Fault fault;
                int roll;
                lock (_random)
                {
                    fault = Faults[_random.Next(Faults.Length)];
                    roll = _random.Next();
                }

                Served.AddOrUpdate(fault, 1, (_, count) => count + 1);
                await ServeFaultAsync(client, stream, fault, ids, roll, hang.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or SocketException)
            {
                // The client gave up on the request (its attempt timed out) or the server is stopping.
            }
        }
    }

    private static async Task ServeFaultAsync(TcpClient client, NetworkStream stream, Fault fault, IReadOnlyList<string> ids, int roll, CancellationToken token)
    {
        switch (fault)
        {
            case Fault.Answered:
                await RespondAsync(stream, 200, "application/json", Outcome(ids, roll), token);
                break;
            case Fault.Rejected:
                await RespondAsync(stream, 400, "application/json", """{"error_code":"IOTDA.000006","error_msg":"Invalid input data."}""", token);
                break;
            case Fault.Reset:
                client.Client.LingerState = new LingerOption(true, 0);
                break;
            case Fault.CutOff:
                var body = Encoding.UTF8.GetBytes(Outcome(ids, roll));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), token);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), token);
                client.Client.LingerState = new LingerOption(true, 0);
                break;
            case Fault.Hung:
                // Waits for the client to close the connection, or for the cap.
                while (await stream.ReadAsync(new byte[256], token) > 0)
                {
                }

                break;
            case Fault.Html:
                await RespondAsync(stream, 200, "text/html", "<html><body>Gateway maintenance</body></html>", token);
                break;
            case Fault.Empty:
                await RespondAsync(stream, 200, "application/json", "", token);
                break;
            case Fault.Malformed:
                await RespondAsync(stream, 200, "application/json", """{"success_targets":["x",""", token);
                break;
            case Fault.WrongType:
                await RespondAsync(stream, 200, "application/json", roll % 2 == 0 ? """{"success_targets":5}""" : """["not","an","object"]""", token);
                break;
        }
    }

    /// <summary>Some IDs succeed, some fail, some are left out of both lists, as the roll decides.</summary>
    private static string Outcome(IReadOnlyList<string> ids, int roll)
    {
        var random = new Random(roll);
        var succeeded = new List<string>();
        var failed = new List<Dictionary<string, string>>();
        foreach (var id in ids)
        {
            switch (random.Next(3))
            {
                case 0:
                    succeeded.Add(id);
                    break;
                case 1:
                    failed.Add(new Dictionary<string, string> { ["target_id"] = id, ["error_code"] = "IOTDA.015207", ["error_msg"] = "not bound" });
                    break;
            }
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["success_targets"] = succeeded, ["failure_targets"] = failed });
    }

    private static async Task RespondAsync(NetworkStream stream, int status, string contentType, string body, CancellationToken token)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Bad Request")}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
        await stream.WriteAsync(bytes, token);
    }

    /// <summary>Reads one request (head, then a Content-Length body) and returns the target_ids it carried.</summary>
    private static async Task<IReadOnlyList<string>> ReadTargetIdsAsync(NetworkStream stream, CancellationToken token)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                throw new System.IO.IOException("The client closed the connection before the request's head ended.");
            }

            received.AddRange(buffer.Take(read));
        }

        var head = Encoding.ASCII.GetString(received.Take(headEnd).ToArray());
        var length = head.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                throw new System.IO.IOException("The client closed the connection before the request's body ended.");
            }

            received.AddRange(buffer.Take(read));
        }

        using var body = JsonDocument.Parse(received.Skip(headEnd + 4).Take(length).ToArray());
        return body.RootElement.GetProperty("target_ids").EnumerateArray().Select(id => id.GetString()!).ToList();
    }

    private static int IndexOfHeadEnd(List<byte> received)
    {
        for (var i = 0; i + 3 < received.Count; i++)
        {
            if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
