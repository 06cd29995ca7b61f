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

    internal async Task<byte[]> ReadAsync(string operationId, CancellationToken cancellationToken)
    {
        try
        {
            using var copy = new MemoryStream();
            await Content!.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or NotSupportedException)
        {
            throw new FilePartReadException($"{operationId} could not read its body stream: {exception.Message}", exception);
        }
    }
}
