using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace IoTDA.Benchmarks;

/// <summary>
/// Keeps one request as it reached whatever answered it (the in-memory handler or the loopback server), so a
/// benchmark's setup can check what was really sent; the measured calls never pay for the copy.
/// </summary>
internal sealed class RequestCapture
{
    private bool _armed;
    private SentRequest? _captured;

    /// <summary>Whether the request now arriving is the one to keep; true once per <see cref="CheckedAsync{T}"/>.</summary>
    public bool TakeTurn()
    {
        var armed = _armed;
        _armed = false;
        return armed;
    }

    /// <summary>Keeps the request, its Authorization header apart from the others.</summary>
    public void Keep(string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
    {
        var others = new List<KeyValuePair<string, string>>();
        string? authorization = null;
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = header.Value;
            }
            else
            {
                others.Add(header);
            }
        }

        _captured = new SentRequest(method, pathAndQuery, others, body, authorization);
    }

    /// <summary>Runs one call with the next request kept, checks the answer, and returns what arrived.</summary>
    public async Task<SentRequest> CheckedAsync<T>(Func<Task<T>> call, Action<T> throwIfNotExample)
    {
        _armed = true;
        throwIfNotExample(await call());
        var captured = _captured ?? throw new InvalidOperationException("No request was captured.");
        _captured = null;
        return captured;
    }
}

/// <summary>A request as it arrived: every header but Authorization, which is kept apart.</summary>
internal sealed record SentRequest(
    string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? Authorization);
