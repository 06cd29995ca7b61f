using System;
using System.Buffers;

namespace IoTDA.Runtime;

/// <summary>
/// Builds text on the stack, spilling to a pooled array, so a request URL costs one string: the one it ends as.
/// </summary>
internal ref struct CharBuilder
{
    private Span<char> _buffer;
    private char[]? _rented;
    private int _length;

    public CharBuilder(Span<char> initialBuffer)
    {
        _buffer = initialBuffer;
        _rented = null;
        _length = 0;
    }

    public void Append(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _buffer.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.Slice(_length));
        _length += value.Length;
    }

    public readonly int Length => _length;

    public override readonly string ToString() => _buffer.Slice(0, _length).ToString();

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.Slice(0, _length).CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = next;
        _buffer = next;
    }
}
