using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// A response body read into pooled segments that are appended, never copied into a larger array: a big body is
/// held once (plus one partly filled segment), not twice as a doubling buffer would, and reaches the JSON reader
/// as a <see cref="ReadOnlySequence{T}"/>.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int FirstSegmentBytes = 16 * 1024;
    private const int LargestSegmentBytes = 1024 * 1024;

    private Segment? _first;
    private Segment? _last;
    private byte[]? _joined;

    public bool Truncated { get; private set; }

    public ReadOnlySequence<byte> Sequence =>
        _first is null ? ReadOnlySequence<byte>.Empty
        : ReferenceEquals(_first, _last) ? new ReadOnlySequence<byte>(_first.Array, 0, _first.Count)
        : new ReadOnlySequence<byte>(_first, 0, _last!, _last!.Count);

    /// <summary>The body in one piece; only error bodies are asked for this, and they are at most 64 KiB.</summary>
    public ReadOnlySpan<byte> Span =>
        _first is null ? default
        : ReferenceEquals(_first, _last) ? _first.Array.AsSpan(0, _first.Count)
        : _joined ??= Sequence.ToArray();

    /// <summary>Reads up to <paramref name="limit"/> bytes; <see cref="Truncated"/> tells whether more followed.</summary>
    public async Task ReadAsync(Stream stream, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        // One byte past the limit tells a body that is exactly the limit from one that is longer.
        var capacity = (long)limit + 1;
        var length = 0L;

        // A declared length sizes the first segment (one byte over, so the end is seen without another), but only up
        // to a segment's largest size: a Content-Length may promise more than ever arrives.
        var nextSize = declaredLength is { } declared ? Math.Min(declared, LargestSegmentBytes) + 1 : FirstSegmentBytes;
        while (length < capacity)
        {
            if (_last is null || _last.Count == _last.Array.Length)
            {
                _last = new Segment((int)Math.Min(Math.Min(nextSize, LargestSegmentBytes), capacity - length), _last);
                _first ??= _last;
                nextSize = Math.Min(2L * _last.Array.Length, LargestSegmentBytes);
            }

            var room = (int)Math.Min(_last.Array.Length - _last.Count, capacity - length);
#if NET
            var read = await stream.ReadAsync(_last.Array.AsMemory(_last.Count, room), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(_last.Array, _last.Count, room, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            _last.Advance(read);
            length += read;
        }

        if (length > limit)
        {
            _last!.Advance(-1);
            Truncated = true;
        }
    }

    public void Dispose()
    {
        var segment = _first;
        _first = _last = null;
        for (; segment is not null; segment = (Segment?)segment.Next)
        {
            ArrayPool<byte>.Shared.Return(segment.Array);
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(int size, Segment? previous)
        {
            Array = ArrayPool<byte>.Shared.Rent(size);
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Count;
                previous.Next = this;
            }
        }

        public byte[] Array { get; }

        public int Count { get; private set; }

        public void Advance(int count)
        {
            Count += count;
            Memory = Array.AsMemory(0, Count);
        }
    }
}
