using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// A response body read into pooled arrays that are appended, never copied into a larger array: a big body is held
/// once (plus one partly filled array), not twice as a doubling buffer would, and reaches the JSON reader as a
/// <see cref="ReadOnlySequence{T}"/>. Most bodies fit the first array, which is then all there is: the segment
/// objects that chain arrays are made only when a second array is needed.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int FirstArrayBytes = 16 * 1024;
    private const int LargestArrayBytes = 1024 * 1024;

    private byte[]? _firstArray;
    private int _firstCount;

    // Set once a second array is needed; from then on they hold every array, the first included.
    private Segment? _first;
    private Segment? _last;
    private byte[]? _joined;

    public bool Truncated { get; private set; }

    public ReadOnlySequence<byte> Sequence =>
        _first is not null ? new ReadOnlySequence<byte>(_first, 0, _last!, _last!.Count)
        : _firstArray is not null ? new ReadOnlySequence<byte>(_firstArray, 0, _firstCount)
        : ReadOnlySequence<byte>.Empty;

    /// <summary>The body in one piece; only error bodies are asked for this, and they are at most 64 KiB.</summary>
    public ReadOnlySpan<byte> Span =>
        _first is not null ? _joined ??= Sequence.ToArray()
        : _firstArray is not null ? _firstArray.AsSpan(0, _firstCount)
        : default;

    /// <summary>Reads up to <paramref name="limit"/> bytes; <see cref="Truncated"/> tells whether more followed.</summary>
    public async ValueTask ReadAsync(Stream stream, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        // One byte past the limit tells a body that is exactly the limit from one that is longer.
        var capacity = (long)limit + 1;
        var length = 0L;

        // A declared length sizes the first array (one byte over, so the end is seen without another read), but only
        // up to an array's largest size: a Content-Length may promise more than ever arrives.
        var nextSize = declaredLength is { } declared ? Math.Min(declared, LargestArrayBytes) + 1 : FirstArrayBytes;
        while (length < capacity)
        {
            var (array, count) = _last is not null ? (_last.Array, _last.Count) : (_firstArray, _firstCount);
            if (array is null || count == array.Length)
            {
                array = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(nextSize, LargestArrayBytes), capacity - length));
                count = 0;
                Append(array);
                nextSize = Math.Min(2L * array.Length, LargestArrayBytes);
            }

            var room = (int)Math.Min(array.Length - count, capacity - length);
#if NET
            var read = await stream.ReadAsync(array.AsMemory(count, room), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(array, count, room, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            Advance(read);
            length += read;
        }

        if (length > limit)
        {
            Advance(-1);
            Truncated = true;
        }
    }

    public void Dispose()
    {
        if (_first is null && _firstArray is not null)
        {
            ArrayPool<byte>.Shared.Return(_firstArray);
        }

        for (var segment = _first; segment is not null; segment = (Segment?)segment.Next)
        {
            ArrayPool<byte>.Shared.Return(segment.Array);
        }

        _firstArray = null;
        _first = _last = null;
    }

    private void Append(byte[] array)
    {
        if (_firstArray is null)
        {
            _firstArray = array;
            return;
        }

        if (_first is null)
        {
            _first = _last = new Segment(_firstArray, _firstCount, previous: null);
        }

        _last = new Segment(array, 0, _last);
    }

    private void Advance(int count)
    {
        if (_last is not null)
        {
            _last.Advance(count);
        }
        else
        {
            _firstCount += count;
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] array, int count, Segment? previous)
        {
            Array = array;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Count;
                previous.Next = this;
            }

            Advance(count);
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
