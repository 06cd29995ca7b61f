using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>
/// An answer with everything it carried: what a generated <c>{Operation}WithResponseAsync</c> method returns, for the
/// status, the headers (the request ID, paging or rate-limit headers) and a body of another success status.
/// </summary>
public class IoTDAResponse
{
    /// <summary>An answer as given: for a test double of a generated client's interface, say.</summary>
    public IoTDAResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Body = body;
    }

    internal IoTDAResponse(HttpResponseMessage response, ReadOnlyMemory<byte> body)
        : this(response.StatusCode, CopyHeaders(response), body)
    {
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The response's headers and its content's, each with all its values; names compare ignoring case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body's bytes as they came (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    private static Dictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        if (response.Content is { } content)
        {
            // A handler may put a header of the response's name on its content too: both sets of values are kept.
            foreach (var header in content.Headers)
            {
                headers[header.Key] = headers.TryGetValue(header.Key, out var earlier) ? earlier.Concat(header.Value).ToList() : new List<string>(header.Value);
            }
        }

        return headers;
    }
}

/// <summary>An answer with its status, headers and body, and the value the spec gives its status, read.</summary>
public sealed class IoTDAResponse<T> : IoTDAResponse
{
    /// <summary>An answer as given: for a test double of a generated client's interface, say.</summary>
    public IoTDAResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body, T value, bool hasValue)
        : base(statusCode, headers, body)
    {
        Value = value;
        HasValue = hasValue;
    }

    internal IoTDAResponse(HttpResponseMessage response, ReadOnlyMemory<byte> body, T value, bool hasValue)
        : base(response, body)
    {
        Value = value;
        HasValue = hasValue;
    }

    /// <summary>
    /// The body read as the operation's type when the status is the one the spec gives that type (any success status
    /// when the spec gives it a range or a default) and the body is not empty; otherwise the type's default, and
    /// <see cref="IoTDAResponse.Body"/> holds what came.
    /// </summary>
    [MaybeNull]
    public T Value { get; }

    public bool HasValue { get; }
}
