using System;
using System.IO;
using System.Net.Http;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>A stream that can only be read forward and has no length, like a response body off the network.</summary>
public abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A body of unknown length (no Content-Length, as when chunked) that ends after <paramref name="bytes"/>, or whose
/// connection drops there when <paramref name="endsEarly"/>, as SocketsHttpHandler reports it.
/// </summary>
public sealed class UnsizedStream(byte[] bytes, bool endsEarly = false) : ForwardOnlyStream
{
    private int _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position == bytes.Length && endsEarly)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }

        var read = Math.Min(count, bytes.Length - _position);
        Array.Copy(bytes, _position, buffer, offset, read);
        _position += read;
        return read;
    }
}

/// <summary>
/// <paramref name="length"/> bytes of a JSON string (<c>"xxx…"</c>) made as they are read, so a test can send a body
/// larger than it would want to hold; <see cref="Delivered"/> says how much the client pulled.
/// </summary>
public sealed class LongJsonStringStream(long length) : ForwardOnlyStream
{
    public long Delivered { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = (int)Math.Min(count, length - Delivered);
        for (var i = 0; i < read; i++)
        {
            var index = Delivered + i;
            buffer[offset + i] = index == 0 || index == length - 1 ? (byte)'"' : (byte)'x';
        }

        Delivered += read;
        return read;
    }
}
