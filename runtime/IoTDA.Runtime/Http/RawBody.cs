using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>A request body that is not JSON: its media type, and the caller's stream until the call has read it.</summary>
internal sealed class RawBody
{
    internal RawBody(Stream? content, string mediaType)
    {
        Content = content;
        MediaType = mediaType;
    }

    internal Stream? Content { get; }

    /// <summary>The Content-Type the body is sent with.</summary>
    internal string MediaType { get; }

    /// <summary>Reads the caller's stream as a form's files are read; its failure (not a cancellation) is a <see cref="FilePartReadException"/>.</summary>
    internal async Task<byte[]> ReadAsync(string operationId, CancellationToken cancellationToken)
    {
        try
        {
            return await MultipartFormBody.ReadToEndAsync(Content!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new FilePartReadException($"{operationId} could not read its body stream: {exception.Message}", exception);
        }
    }
}
