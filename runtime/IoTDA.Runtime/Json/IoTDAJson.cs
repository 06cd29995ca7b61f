using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// Small reflection-free JSON helpers for generated (de)serialization code. Readers expect the reader to be
/// positioned on the value's first token, as <see cref="JsonReadFunc{T}"/> does, and leave it on its last token.
/// </summary>
public static partial class IoTDAJson
{
    /// <summary>True when the reader is on an object's start; false for JSON null; throws for anything else.</summary>
    public static bool StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }

        return true;
    }

    /// <summary>Moves to the next property name of the current object; false at the object's end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Expected a property name but found {reader.TokenType}."),
        };
    }

    /// <summary>Skips the value the reader is on, with everything nested in it: how unknown members are ignored.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("The JSON ended inside a value.");
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw Unexpected(reader.TokenType, "a string"),
    };

    // A number may come as a JSON string ("id":"11"), as APIs send 64-bit IDs for JavaScript's sake: read either.
    public static int? ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.String ? (int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotA("a 32-bit integer"))
        : Number(ref reader, "a 32-bit integer").GetInt32();

    public static long? ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.String ? (long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotA("a 64-bit integer"))
        : Number(ref reader, "a 64-bit integer").GetInt64();

    public static float? ReadSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.String ? (float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !float.IsNaN(value) && !float.IsInfinity(value) ? value : throw NotA("a finite number"))
        : Number(ref reader, "a number").GetSingle();

    public static double? ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.String ? (double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value) ? value : throw NotA("a finite number"))
        : Number(ref reader, "a number").GetDouble();

    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(reader.TokenType, "true or false"),
    };

    /// <summary>An array element or map value: JSON null reads as an empty string.</summary>
    public static string ReadStringItem(ref Utf8JsonReader reader) => ReadString(ref reader) ?? string.Empty;

    /// <summary>An array element or map value: JSON null reads as 0.</summary>
    public static int ReadInt32Item(ref Utf8JsonReader reader) => ReadInt32(ref reader) ?? 0;

    public static long ReadInt64Item(ref Utf8JsonReader reader) => ReadInt64(ref reader) ?? 0;

    public static float ReadSingleItem(ref Utf8JsonReader reader) => ReadSingle(ref reader) ?? 0;

    public static double ReadDoubleItem(ref Utf8JsonReader reader) => ReadDouble(ref reader) ?? 0;

    public static bool ReadBooleanItem(ref Utf8JsonReader reader) => ReadBoolean(ref reader) ?? false;

    /// <summary>Any JSON value, kept as an element that outlives the reader's buffer.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>A reader over a kept element, on its first token, as the generated readers expect it.</summary>
    public static Utf8JsonReader ReaderOver(JsonElement element)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        return reader;
    }

    /// <summary>
    /// An array of strings, as an array of exactly their count; JSON null reads as an empty list (the never-assigned
    /// one, so a model read and sent back leaves the member out rather than send <c>[]</c>), a null element as an
    /// empty string.
    /// </summary>
    public static IReadOnlyList<string> ReadStringList(ref Utf8JsonReader reader)
    {
        if (!StartArray(ref reader))
        {
            return Unassigned<string>.List;
        }

        var items = default(ItemBuffer<string>);
        try
        {
            while (NextElement(ref reader))
            {
                items.Add(ReadString(ref reader) ?? string.Empty);
            }

            return items.ToArray();
        }
        finally
        {
            items.Dispose();
        }
    }

    /// <summary>An array read element by element into an array of exactly its count; JSON null reads as the never-assigned empty list.</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (readItem is null)
        {
            throw new ArgumentNullException(nameof(readItem));
        }

        if (!StartArray(ref reader))
        {
            return Unassigned<T>.List;
        }

        var items = default(ItemBuffer<T>);
        try
        {
            while (NextElement(ref reader))
            {
                items.Add(readItem(ref reader));
            }

            return items.ToArray();
        }
        finally
        {
            items.Dispose();
        }
    }

    /// <summary>A JSON object read as a string-keyed map, value by value; JSON null reads as the never-assigned empty map.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (readValue is null)
        {
            throw new ArgumentNullException(nameof(readValue));
        }

        if (!StartObject(ref reader, "a map"))
        {
            return Unassigned<T>.Map;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString() ?? string.Empty;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Writes a string-keyed map as a JSON object; a null map is written as an empty object.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? values, Action<Utf8JsonWriter, T> writeValue)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (writeValue is null)
        {
            throw new ArgumentNullException(nameof(writeValue));
        }

        writer.WriteStartObject();
        if (values is not null)
        {
            foreach (var pair in values)
            {
                writer.WritePropertyName(pair.Key);
                writeValue(writer, pair.Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an array of strings; a null list is written as an empty array.</summary>
    public static void WriteStringList(Utf8JsonWriter writer, IReadOnlyList<string>? values)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        // By index: foreach over the interface would box the list's enumerator.
        writer.WriteStartArray();
        if (values is not null)
        {
            for (var i = 0; i < values.Count; i++)
            {
                writer.WriteStringValue(values[i]);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an array element by element; a null list is written as an empty array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T>? values, Action<Utf8JsonWriter, T> writeItem)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (writeItem is null)
        {
            throw new ArgumentNullException(nameof(writeItem));
        }

        writer.WriteStartArray();
        if (values is not null)
        {
            for (var i = 0; i < values.Count; i++)
            {
                writeItem(writer, values[i]);
            }
        }

        writer.WriteEndArray();
    }

    private static bool StartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(reader.TokenType, "an array");
        }

        return true;
    }

    private static bool NextElement(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an array.");
        }

        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static ref Utf8JsonReader Number(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(reader.TokenType, expected);
        }

        return ref reader;
    }

    private static JsonException Unexpected(JsonTokenType found, string expected) =>
        new($"Expected {expected} but found {found}.");

    // The value itself stays out of the message: a response may carry what a log must not.
    private static JsonException NotA(string expected) => new($"Expected {expected} but found a string that is not one.");
}
