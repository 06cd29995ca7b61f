using System;
using System.Collections.Generic;
using System.Text.Json;

namespace IoTDA.Emulator.Json;

/// <summary>The arrays every body of the emulator writes, the HTTP answers and the state file alike.</summary>
internal static class JsonOutput
{
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
