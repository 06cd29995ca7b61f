using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// One attempt's response with its body already read (up to <see cref="IoTDAClientOptions.MaxResponseBodyBytes"/>
/// for 2xx, the first <see cref="ErrorResponseReader.MaxBytesRead"/> bytes otherwise), so retry decisions can look
/// at it and a huge body is never buffered.
/// </summary>
internal sealed class AttemptResult : IDisposable
{
    // Not readonly: a mutable struct, changed in place as the body is read.
    private ResponseBody _body;
    private bool _declaredTooLong;

    private AttemptResult(HttpResponseMessage response)
    {
        Response = response;
    }

    public HttpResponseMessage Response { get; }

    public bool IsSuccess => Response.IsSuccessStatusCode;

    public ReadOnlySequence<byte> Body => _body.Sequence;

    /// <summary>The body in one piece, for the error reader and the clock-skew check.</summary>
    public ReadOnlySpan<byte> ContiguousBody => _body.Span;

    /// <summary>More arrived, or was declared, than the limit: for 2xx the body was not read whole.</summary>
    public bool BodyTruncated => _declaredTooLong || _body.Truncated;

    public static async ValueTask<AttemptResult> ReadAsync(HttpResponseMessage response, int maxSuccessBytes, CancellationToken cancellationToken)
    {
        var result = new AttemptResult(response);
        try
        {
            if (response.Content is { } content)
            {
                await result.ReadBodyAsync(content, maxSuccessBytes, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Response.Dispose();
        _body.Dispose();
    }

    private async ValueTask ReadBodyAsync(HttpContent content, int maxSuccessBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return;
        }

        // An error body longer than its limit still has its start read for the message; a 2xx body that says it is
        // too long is refused before a byte of it is read.
        if (IsSuccess && declared > maxSuccessBytes)
        {
            _declaredTooLong = true;
            return;
        }

#if NET
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            var limit = IsSuccess ? maxSuccessBytes : ErrorResponseReader.MaxBytesRead;

            // One byte past the limit tells a body that is exactly the limit from one that is longer.
            var capacity = (long)limit + 1;
            var length = 0L;
            while (length < capacity)
            {
                var room = _body.Room(declared, capacity - length);
#if NET
                var read = await stream.ReadAsync(room.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(room.Array!, room.Offset, room.Count, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                _body.Advance(read);
                length += read;
            }

            if (length > limit)
            {
                _body.DropExtraByte();
            }
        }
    }
}
