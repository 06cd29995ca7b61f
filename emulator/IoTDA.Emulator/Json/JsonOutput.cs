using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IoTDA.Runtime;

namespace IoTDA.Emulator.Json;

/// <summary>The arrays every body of the emulator writes, the HTTP answers and the state file alike.</summary>
internal static class JsonOutput
{
    /// <summary>Times in answers: the service's compact UTC form, <c>20230810T070547Z</c>.</summary>
    public static string AnswerTime(DateTimeOffset time) => AkSkSigner.FormatSdkDate(time);

    /// <summary>Times in the state file and its journal: round-trip ISO 8601, so a restart reads back the same instant.</summary>
    public static string StateFileTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// JSON kept as the caller sent it (a product's services, a device's extension), on one line: the journal holds one
    /// change per line, so a value that came indented must not carry its line breaks into it. Text is kept as text,
    /// not escaped to <c>\uXXXX</c> as the writer's default would (it is served as JSON, never inside HTML): a limit in
    /// bytes, such as the extension's 1 KB, then measures what the caller sent, not six bytes for each CJK character.
    /// </summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A member holding JSON <see cref="Compact"/> kept, left out when there is none. It was checked when it came, so
    /// it is written as it is.
    /// </summary>
    public static void WriteKept(Utf8JsonWriter writer, string name, string? json)
    {
        if (json is not null)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    /// <summary>A member that is left out when there is no value, as the service leaves out what a record lacks.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>An array of objects, each holding the members <paramref name="writeMembers"/> writes for one item.</summary>
    public static void WriteObjects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeMembers)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writeMembers(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
