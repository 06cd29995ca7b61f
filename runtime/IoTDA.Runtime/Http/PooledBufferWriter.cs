using System;
using System.Buffers;

namespace IoTDA.Runtime;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over pooled arrays, so serializing a body leaves one exact-size copy. It rents
/// on first write and gives the array back on <see cref="Dispose"/>, after which it can be written again: a writer
/// kept for reuse then holds no array between bodies.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int FirstRent = 256;

    private byte[] _buffer = Array.Empty<byte>();
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = Array.Empty<byte>();
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(_buffer.Length * 2, FirstRent), _written + needed));
        _buffer.AsSpan(0, _written).CopyTo(next);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
