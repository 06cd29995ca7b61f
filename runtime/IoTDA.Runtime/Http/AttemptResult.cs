using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// One attempt's response with its body already read (in full for 2xx, the first
/// <see cref="ErrorResponseReader.MaxBytesRead"/> bytes otherwise) into a pooled buffer, so retry decisions can look
/// at it and a huge error body is never buffered.
/// </summary>
internal sealed class AttemptResult : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    private AttemptResult(HttpResponseMessage response)
    {
        Response = response;
    }

    public HttpResponseMessage Response { get; }

    public bool IsSuccess => Response.IsSuccessStatusCode;

    public ReadOnlySpan<byte> Body => _buffer is null ? default : _buffer.AsSpan(0, _length);

    public bool BodyTruncated { get; private set; }

    public static async Task<AttemptResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var result = new AttemptResult(response);
        try
        {
            if (response.Content is not null)
            {
                var limit = response.IsSuccessStatusCode ? int.MaxValue : ErrorResponseReader.MaxBytesRead;
                await result.ReadBodyAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
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
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReadBodyAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength;
        if (expected == 0)
        {
            return;
        }

#if NET
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // One byte past the limit tells a body that is exactly the limit from one that is longer.
            var capacity = limit == int.MaxValue ? int.MaxValue : limit + 1;
            var buffer = ArrayPool<byte>.Shared.Rent(expected is { } length && length < capacity ? (int)length + 1 : Math.Min(4096, capacity));
            _buffer = buffer;
            while (_length < capacity)
            {
                if (_length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, capacity));
                    buffer.AsSpan(0, _length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    _buffer = buffer = larger;
                }

                var room = Math.Min(buffer.Length, capacity) - _length;
#if NET
                var read = await stream.ReadAsync(buffer.AsMemory(_length, room), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, _length, room, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                _length += read;
            }
        }

        if (_length > limit)
        {
            _length = limit;
            BodyTruncated = true;
        }
    }
}
