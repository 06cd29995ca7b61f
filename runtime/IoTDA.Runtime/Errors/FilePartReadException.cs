using System;

namespace IoTDA.Runtime;

/// <summary>
/// A file of a multipart form could not be read (the caller's stream failed, or an earlier attempt left it half
/// read): the call ends, and <see cref="IoTDAClientCore"/> reports it as an <see cref="IoTDAException"/>. Not retried:
/// the retry policy resends only what may be sent again.
/// </summary>
internal sealed class FilePartReadException : Exception
{
    public FilePartReadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
