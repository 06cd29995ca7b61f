using System;
using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// Serializes a request body with a <see cref="Utf8JsonWriter"/> kept per thread, as System.Text.Json's own
/// serializer keeps one: a new writer per body costs about as much garbage as the body itself. The writer's buffer
/// is pooled and given back after each body, so a thread keeps no large array after a large body.
/// </summary>
internal static class JsonBodySerializer
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    [ThreadStatic]
    private static PooledBufferWriter? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <returns>The UTF-8 JSON, in an array of exactly its length.</returns>
    internal static byte[] Serialize<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        // Taken off the thread while in use: a body whose writing serialized another body would get its own pair.
        var buffer = t_buffer ?? new PooledBufferWriter();
        var writer = t_writer;
        t_buffer = null;
        t_writer = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, Options);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.ToArray();
        }
        finally
        {
            buffer.Dispose();
            t_buffer = buffer;
            t_writer = writer;
        }
    }
}
