using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// The multipart/form-data body of one call. Where each seekable file starts and how long it is are fixed when the
/// call starts; the first attempt reads the streams that cannot seek into memory and chooses the boundary; every
/// attempt then writes the same bytes (RFC 7578: a delimiter line, the part's header lines, a blank line, the
/// content, and a closing delimiter after the last part).
/// </summary>
internal sealed class MultipartFormBody
{
    private const int CopyBufferSize = 81920;

    /// <summary>Tries before giving up on finding a boundary that no value contains; a random one collides practically never.</summary>
    private const int BoundaryTries = 8;

    private static readonly byte[] LineBreak = { (byte)'\r', (byte)'\n' };

    private readonly string _operationId;
    private readonly IReadOnlyList<FormPart> _parts;
    private readonly Func<string> _newBoundary;

    // Per part: where a seekable file starts (-1 for any other part); the length of its content (-1 while a file that
    // cannot seek is unread); the copy of such a file.
    private readonly long[] _starts;
    private readonly long[] _lengths;
    private readonly byte[]?[] _copies;

    private byte[][]? _heads;
    private byte[] _closing = Array.Empty<byte>();
    private int _unfinishedPart = -1;

    /// <param name="operationId">Names the call in error messages.</param>
    /// <param name="parts">The request's parts, in the order they are sent.</param>
    /// <param name="newBoundary">Makes a candidate boundary; tests pass their own, the SDK a random one.</param>
    internal MultipartFormBody(string operationId, IReadOnlyList<FormPart> parts, Func<string>? newBoundary = null)
    {
        _operationId = operationId;
        _parts = parts;
        _newBoundary = newBoundary ?? RandomBoundary;
        _starts = new long[parts.Count];
        _lengths = new long[parts.Count];
        _copies = new byte[]?[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            _starts[i] = -1;
            if (parts[i].File is not { } file)
            {
                _lengths[i] = parts[i].Value!.Length;
            }
            else if (file.Content.CanSeek)
            {
                _starts[i] = file.Content.Position;
                _lengths[i] = Math.Max(0, file.Content.Length - _starts[i]);
            }
            else
            {
                _lengths[i] = -1;
            }
        }
    }

    /// <summary>The boundary every attempt of the call uses; set by <see cref="PrepareAsync"/>.</summary>
    internal string Boundary { get; private set; } = "";

    /// <summary>The body's length in bytes, known once prepared: every part's length is known by then.</summary>
    internal long Length { get; private set; }

    /// <summary>
    /// Reads the files that cannot seek and chooses the boundary, on the first attempt; later attempts find it done.
    /// A file whose reading failed, or stopped when the attempt was cancelled, cannot be read again: the call fails
    /// with <see cref="FilePartReadException"/>, which is never retried.
    /// </summary>
    internal async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        if (_heads is not null)
        {
            return;
        }

        if (_unfinishedPart >= 0)
        {
            throw new FilePartReadException(
                $"{_operationId} cannot send {Describe(_unfinishedPart)} again: an earlier attempt stopped while reading its stream, " +
                "which cannot seek back. Pass a seekable stream to let the call be retried.",
                null);
        }

        for (var i = 0; i < _parts.Count; i++)
        {
            if (_lengths[i] >= 0)
            {
                continue;
            }

            try
            {
                var copy = await ReadToEndAsync(_parts[i].File!.Content, cancellationToken).ConfigureAwait(false);
                _copies[i] = copy;
                _lengths[i] = copy.Length;
            }
            catch (OperationCanceledException)
            {
                _unfinishedPart = i;
                throw;
            }
            catch (Exception exception)
            {
                _unfinishedPart = i;
                throw new FilePartReadException($"{_operationId} could not read {Describe(i)}: {exception.Message}", exception);
            }
        }

        Boundary = ChooseBoundary();
        var heads = new byte[_parts.Count][];
        long length = 0;
        for (var i = 0; i < _parts.Count; i++)
        {
            heads[i] = Head(_parts[i]);
            length += heads[i].Length + _lengths[i] + LineBreak.Length;
        }

        _closing = Encoding.ASCII.GetBytes("--" + Boundary + "--\r\n");
        Length = length + _closing.Length;
        _heads = heads;
    }

    /// <summary>A new content object for one attempt, over this body's bytes; disposing it leaves the caller's streams open.</summary>
    internal HttpContent CreateContent()
    {
        if (_heads is null)
        {
            throw new InvalidOperationException("The form body must be prepared before its content is created.");
        }

        var content = new FormContent(this);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + Boundary);

        // The transport would ask TryComputeLength anyway; stating it makes the length visible to handlers before sending.
        content.Headers.ContentLength = Length;
        return content;
    }

    private async Task WriteToAsync(Stream target, CancellationToken cancellationToken)
    {
        var heads = _heads!;
        for (var i = 0; i < _parts.Count; i++)
        {
            await target.WriteAsync(heads[i], 0, heads[i].Length, cancellationToken).ConfigureAwait(false);
            if ((_parts[i].Value ?? _copies[i]) is { } bytes)
            {
                await target.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CopySeekableAsync(i, target, cancellationToken).ConfigureAwait(false);
            }

            await target.WriteAsync(LineBreak, 0, LineBreak.Length, cancellationToken).ConfigureAwait(false);
        }

        await target.WriteAsync(_closing, 0, _closing.Length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends exactly the bytes the stream held when the call started, from where it stood then.</summary>
    private async Task CopySeekableAsync(int index, Stream target, CancellationToken cancellationToken)
    {
        var source = _parts[index].File!.Content;
        source.Seek(_starts[index], SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var remaining = _lengths[index];
            while (remaining > 0)
            {
                var read = await source.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, remaining), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // Not an IOException: the caller changed the stream, and sending it again would not help.
                    throw new InvalidOperationException(
                        $"{Describe(index)} ended after {_lengths[index] - remaining} of the {_lengths[index]} bytes it had when " +
                        $"{_operationId} started; a stream must not shrink while a call sends it.");
                }

                await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A caller's stream read to its end once, for a body (a form's file, or a whole raw body) sent on every attempt.</summary>
    internal static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>
    /// A boundary whose delimiter occurs in no text, JSON or buffered file content. Seekable files are not searched
    /// (that would read them twice); a 128-bit random boundary occurs in one practically never.
    /// </summary>
    private string ChooseBoundary()
    {
        for (var attempt = 0; attempt < BoundaryTries; attempt++)
        {
            var boundary = _newBoundary();
            var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
            if (!AnyContentContains(delimiter))
            {
                return boundary;
            }
        }

        throw new InvalidOperationException($"{_operationId}: every boundary tried occurs in the form's values.");
    }

    private bool AnyContentContains(byte[] delimiter)
    {
        for (var i = 0; i < _parts.Count; i++)
        {
            if ((_parts[i].Value ?? _copies[i]) is { } bytes && bytes.AsSpan().IndexOf(delimiter) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private byte[] Head(FormPart part)
    {
        var head = new StringBuilder(128)
            .Append("--").Append(Boundary).Append("\r\n")
            .Append("Content-Disposition: form-data; name=\"").Append(part.Name).Append('"');
        if (part.File is { } file)
        {
            head.Append("; filename=\"").Append(file.FileName).Append('"');
        }

        head.Append("\r\n");
        if (part.ContentType is { } contentType)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
    }

    private string Describe(int index) =>
        _parts[index].File is { } file
            ? $"the file '{file.FileName}' of the form part '{_parts[index].Name}'"
            : $"the form part '{_parts[index].Name}'";

    private static string RandomBoundary()
    {
        var bytes = new byte[16];
#if NET
        RandomNumberGenerator.Fill(bytes);
#else
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }
#endif
        var text = new StringBuilder("iotda-", 6 + (bytes.Length * 2));
        foreach (var value in bytes)
        {
            text.Append("0123456789abcdef"[value >> 4]).Append("0123456789abcdef"[value & 0xF]);
        }

        return text.ToString();
    }

    /// <summary>One attempt's content: writes the body, knows its length, owns none of the streams it reads.</summary>
    private sealed class FormContent : HttpContent
    {
        private readonly MultipartFormBody _body;

        public FormContent(MultipartFormBody body) => _body = body;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _body.WriteToAsync(stream, CancellationToken.None);

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _body.WriteToAsync(stream, cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
