using System;
using System.IO;

namespace IoTDA.Runtime;

/// <summary>
/// A file sent as one part of a <c>multipart/form-data</c> request: the bytes, the name the service is told, and
/// their media type.
/// </summary>
/// <remarks>
/// <para>
/// The caller owns <see cref="Content"/>: the SDK reads it but never disposes it, so keep it open until the call has
/// completed.
/// </para>
/// <para>
/// Every attempt of a call, retries included, sends the same bytes. A seekable stream is sent from the position it
/// has when the call starts, up to the length it has then, and is moved back to that position for every attempt. A
/// stream that cannot seek (a network or pipe stream) is read to its end into memory once, by the first attempt, and
/// every attempt sends that copy; pass a seekable stream (a <see cref="FileStream"/>, a <see cref="MemoryStream"/>)
/// for a large file.
/// </para>
/// <para>
/// The file name is written as UTF-8 between quotes in the part's <c>Content-Disposition</c>, as browsers write it
/// (RFC 7578, section 4.2), so non-ASCII names arrive as they are. No <c>filename*</c> parameter is added: RFC 7578
/// forbids it in forms. Characters that would need escaping there (control characters, <c>"</c>, <c>\</c>) are refused.
/// </para>
/// </remarks>
public sealed class FilePart
{
    private const string OctetStream = "application/octet-stream";

    /// <param name="content">The bytes to send, read from the stream's current position.</param>
    /// <param name="fileName">The file's name without a folder, e.g. <c>devices.xlsx</c>.</param>
    /// <param name="contentType">The media type of the bytes, e.g. <c>text/csv</c>; null for <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read, or a name or type would break the part's headers.</exception>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content), "The file's content stream is required.");
        }

        if (!content.CanRead)
        {
            throw new ArgumentException(
                $"The file's content stream ({content.GetType().Name}) cannot be read (CanRead is false, or it was disposed); pass an open, readable stream.",
                nameof(content));
        }

        FormHeaderRules.ThrowIfInvalidQuoted("The file name", nameof(fileName), fileName);
        if (contentType is not null)
        {
            FormHeaderRules.ThrowIfInvalidContentType(nameof(contentType), contentType);
        }

        Content = content;
        FileName = fileName;
        ContentType = contentType ?? OctetStream;
    }

    /// <summary>The bytes to send; the caller disposes it after the call.</summary>
    public Stream Content { get; }

    /// <summary>The name the part's <c>filename</c> parameter carries.</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c>; <c>application/octet-stream</c> unless another was given.</summary>
    public string ContentType { get; }
}
