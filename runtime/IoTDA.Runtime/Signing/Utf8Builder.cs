using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// Builds UTF-8 bytes on the stack, spilling to a pooled array, so a canonical request costs no garbage.
/// </summary>
internal ref struct Utf8Builder
{
    private static ReadOnlySpan<byte> LowerHexDigits => "0123456789abcdef"u8;

    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public Utf8Builder(Span<byte> initialBuffer)
    {
        _buffer = initialBuffer;
        _rented = null;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    public readonly int Length => _length;

    public readonly byte this[int index] => _buffer[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte value)
    {
        if ((uint)_length < (uint)_buffer.Length)
        {
            _buffer[_length++] = value;
            return;
        }

        Grow(1);
        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _buffer.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.Slice(_length));
        _length += value.Length;
    }

    public void AppendUtf8(string value) => AppendUtf8(value.AsSpan());

    /// <summary>Appends the text as UTF-8; a lone surrogate becomes U+FFFD, as <see cref="Encoding.UTF8"/> writes it.</summary>
    public void AppendUtf8(scoped ReadOnlySpan<char> value)
    {
#if NET
        // The framework's transcoder copies ASCII runs many characters at a time, which is most of a canonical request.
        while (true)
        {
            var status = System.Text.Unicode.Utf8.FromUtf16(value, _buffer.Slice(_length), out var read, out var written);
            _length += written;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return;
            }

            value = value.Slice(read);
            Grow(Math.Max(value.Length, 4));
        }
#else
        EnsureRoom(value.Length);
        var index = 0;
        while (index < value.Length && value[index] < 0x80)
        {
            _buffer[_length++] = (byte)value[index++];
        }

        Span<byte> scalar = stackalloc byte[4];
        while (index < value.Length)
        {
            var count = Utf8Scalar.Encode(value, ref index, scalar);
            Append(scalar.Slice(0, count));
        }
#endif
    }

    /// <summary>Appends an HTTP header name (an ASCII token) in lower case.</summary>
    public void AppendLowerAscii(string value)
    {
        EnsureRoom(value.Length);
        var destination = _buffer.Slice(_length, value.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            var character = value[i];
            destination[i] = (byte)(character >= 'A' && character <= 'Z' ? character + 32 : character);
        }

        _length += destination.Length;
    }

    public void AppendUpperAscii(string value)
    {
        EnsureRoom(value.Length);
        var destination = _buffer.Slice(_length, value.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            var character = value[i];
            destination[i] = (byte)(character >= 'a' && character <= 'z' ? character - 32 : character);
        }

        _length += destination.Length;
    }

    public void AppendPercentEncoded(byte value)
    {
        if (PercentEncoding.IsUnreserved(value))
        {
            Append(value);
            return;
        }

        Append((byte)'%');
        Append((byte)PercentEncoding.HexDigits[value >> 4]);
        Append((byte)PercentEncoding.HexDigits[value & 0xF]);
    }

    public void AppendPercentEncoded(string value)
    {
        Span<byte> scalar = stackalloc byte[4];
        var index = 0;
        while (index < value.Length)
        {
            var count = Utf8Scalar.Encode(value, ref index, scalar);
            for (var i = 0; i < count; i++)
            {
                AppendPercentEncoded(scalar[i]);
            }
        }
    }

    public void AppendLowerHex(scoped ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(2 * bytes.Length);
        var destination = _buffer.Slice(_length, 2 * bytes.Length);
        var digits = LowerHexDigits;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        _length += destination.Length;
    }

    public override readonly string ToString()
    {
#if NET
        return Encoding.UTF8.GetString(Written);
#else
        return Encoding.UTF8.GetString(Written.ToArray());
#endif
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void EnsureRoom(int needed)
    {
        if (_length + needed > _buffer.Length)
        {
            Grow(needed);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.Slice(0, _length).CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = next;
        _buffer = next;
    }
}
