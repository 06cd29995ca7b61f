using System;
using System.Globalization;
using System.Text.Json;

namespace IoTDA.Runtime;

// Readers for the strings of a format that generated code types (date-time, date, uuid, uri, byte); JSON null reads as null.
public static partial class IoTDAJson
{
    /// <summary>
    /// An RFC 3339 full date (<c>2024-05-01</c>), as a <see cref="DateTime"/> at midnight of no time zone: what every
    /// target framework has (generated code on .NET 6 and later turns it into a <c>DateOnly</c>).
    /// </summary>
    public static DateTime? ReadDate(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : DateTime.TryParseExact(Text(ref reader, "a date").GetString(), IoTDAText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
        : throw NotA("a date (RFC 3339 full-date, such as 2024-05-01)");

    public static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : Text(ref reader, "a date and time").TryGetDateTimeOffset(out var value) ? value
        : throw NotA("a date and time (RFC 3339, such as 2024-05-01T08:30:00Z)");

    public static Guid? ReadGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : Text(ref reader, "a UUID").TryGetGuid(out var value) ? value
        : throw NotA("a UUID (such as 3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c)");

    public static Uri? ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = Text(ref reader, "a URI").GetString()!;
        // A path is relative: on Unix, "/a" alone would read as an absolute file URI.
        var kind = text.StartsWith("/", StringComparison.Ordinal) && !text.StartsWith("//", StringComparison.Ordinal) ? UriKind.Relative : UriKind.RelativeOrAbsolute;
        return Uri.TryCreate(text, kind, out var uri) ? uri : throw NotA("a URI");
    }

    public static byte[]? ReadBytes(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : Text(ref reader, "base64 bytes").TryGetBytesFromBase64(out var value) ? value
        : throw NotA("base64 bytes");

    /// <summary>An element of an array, or a required member: JSON null reads as the default value.</summary>
    public static DateTimeOffset ReadDateTimeItem(ref Utf8JsonReader reader) => ReadDateTime(ref reader) ?? default;

    public static DateTime ReadDateItem(ref Utf8JsonReader reader) => ReadDate(ref reader) ?? default;

    public static Guid ReadGuidItem(ref Utf8JsonReader reader) => ReadGuid(ref reader) ?? default;

    /// <summary>JSON null reads as the empty relative URI, as a null string reads as the empty string.</summary>
    public static Uri ReadUriItem(ref Utf8JsonReader reader) => ReadUri(ref reader) ?? new Uri("", UriKind.Relative);

    public static byte[] ReadBytesItem(ref Utf8JsonReader reader) => ReadBytes(ref reader) ?? Array.Empty<byte>();

    private static ref Utf8JsonReader Text(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(reader.TokenType, expected);
        }

        return ref reader;
    }
}
