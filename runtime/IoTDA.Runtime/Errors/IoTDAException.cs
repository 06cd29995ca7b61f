using System;
using System.Net;

namespace IoTDA.Runtime;

/// <summary>Every failure the SDK reports that is not a timeout, a cancellation or an argument error.</summary>
public class IoTDAException : Exception
{
    public IoTDAException(string message)
        : base(message)
    {
    }

    public IoTDAException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public IoTDAException(string message, HttpStatusCode? statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatus = statusCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the response this is about, if there was one.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The service's request ID (quote it to Huawei support), if the response had one.</summary>
    public string? RequestId { get; }
}
