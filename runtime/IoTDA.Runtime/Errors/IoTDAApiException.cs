using System.Net;

namespace IoTDA.Runtime;

/// <summary>The service answered with a status outside 2xx. <see cref="ErrorCode"/> is e.g. <c>IOTDA.000006</c>.</summary>
public sealed class IoTDAApiException : IoTDAException
{
    public IoTDAApiException(
        string message, HttpStatusCode statusCode, string? errorCode, string? errorMessage, string? requestId, string? responseBody)
        : base(message, statusCode, requestId)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary>
    /// The response body as text, cut to <see cref="ErrorResponseReader.MaxBodyCharacters"/> characters, with echoed
    /// tokens, Authorization values and signatures replaced by <c>***</c>.
    /// </summary>
    public string? ResponseBody { get; }
}
