using System;
using System.Buffers;

namespace IoTDA.Runtime;

/// <summary>
/// A response body in pooled arrays that are appended, never copied into a larger array: a big body is held once
/// (plus one partly filled array), not twice as a doubling buffer would, and reaches the JSON reader as a
/// <see cref="ReadOnlySequence{T}"/>. Most bodies fit the first array, which is then all there is: the segment
/// objects that chain arrays are made only when a second array is needed. A struct, kept in a field of
/// <see cref="AttemptResult"/>, which does the reading, so a body costs no object of its own.
/// </summary>
internal struct ResponseBody
{
    private const int FirstArrayBytes = 16 * 1024;
    private const int LargestArrayBytes = 1024 * 1024;

    private byte[]? _firstArray;
    private int _firstCount;

    // Set once a second array is needed; from then on they hold every array, the first included.
    private Segment? _first;
    private Segment? _last;
    private byte[]? _joined;
    private long _nextArrayBytes;

    public bool Truncated { get; private set; }

    public readonly ReadOnlySequence<byte> Sequence =>
        _first is not null ? new ReadOnlySequence<byte>(_first, 0, _last!, _last!.Count)
        : _firstArray is not null ? new ReadOnlySequence<byte>(_firstArray, 0, _firstCount)
        : ReadOnlySequence<byte>.Empty;

    /// <summary>The body in one piece; only error bodies are asked for this, and they are at most 64 KiB.</summary>
    public ReadOnlySpan<byte> Span =>
        _first is not null ? _joined ??= Sequence.ToArray()
        : _firstArray is not null ? _firstArray.AsSpan(0, _firstCount)
        : default;

    /// <summary>
    /// The free room after the bytes so far, at most <paramref name="wanted"/> bytes, in a new array when the last
    /// one is full. A declared length sizes the first array (one byte over, so the end is seen without another
    /// read), but only up to an array's largest size: a Content-Length may promise more than ever arrives.
    /// </summary>
    public ArraySegment<byte> Room(long? declaredLength, long wanted)
    {
        var (array, count) = _last is not null ? (_last.Array, _last.Count) : (_firstArray, _firstCount);
        if (array is null || count == array.Length)
        {
            var size = _firstArray is null
                ? (declaredLength is { } declared ? Math.Min(declared, LargestArrayBytes) + 1 : FirstArrayBytes)
                : _nextArrayBytes;
            array = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(size, LargestArrayBytes), wanted));
            count = 0;
            Append(array);
            _nextArrayBytes = Math.Min(2L * array.Length, LargestArrayBytes);
        }

        return new ArraySegment<byte>(array, count, (int)Math.Min(array.Length - count, wanted));
    }

    /// <summary>Counts <paramref name="count"/> bytes written into the last <see cref="Room"/>.</summary>
    public void Advance(int count)
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

    /// <summary>Drops the byte read past the limit, which told that more followed.</summary>
    public void DropExtraByte()
    {
        Advance(-1);
        Truncated = true;
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
