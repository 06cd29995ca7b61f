using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using IoTDA.Emulator.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// The state as JSON, read with <see cref="JsonDocument"/> and written with <see cref="Utf8JsonWriter"/> (no
/// reflection). Written to a temporary file and moved over the old one, so a crash mid-write leaves the old state.
/// </summary>
internal sealed class StateFile
{
    private const int Version = 1;

    public StateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public Dictionary<string, InstanceRecord> Load()
    {
        var instances = new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);
        if (!File.Exists(Path))
        {
            return instances;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            var root = document.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"The emulator state file '{Path}' has version {version}; this emulator reads version {Version}.");
            }

            foreach (var instanceElement in root.GetProperty("instances").EnumerateArray())
            {
                var instance = new InstanceRecord();
                foreach (var policyElement in instanceElement.GetProperty("policies").EnumerateArray())
                {
                    instance.Policies.Add(ReadPolicy(policyElement));
                }

                instances.Add(instanceElement.GetProperty("instance_id").GetString()!, instance);
            }

            return instances;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The emulator state file '{Path}' cannot be read: {exception.Message}", exception);
        }
    }

    public void Save(Dictionary<string, InstanceRecord> instances)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteStartArray("instances");
            foreach (var pair in instances)
            {
                writer.WriteStartObject();
                writer.WriteString("instance_id", pair.Key);
                writer.WriteStartArray("policies");
                foreach (var policy in pair.Value.Policies)
                {
                    PolicyJson.Write(writer, policy, PolicyJsonShape.StateFile);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static PolicyRecord ReadPolicy(JsonElement element)
    {
        var statements = new List<StatementRecord>();
        foreach (var statement in element.GetProperty("statement").EnumerateArray())
        {
            statements.Add(new StatementRecord(
                statement.GetProperty("effect").GetString()!,
                ReadStrings(statement.GetProperty("actions")),
                ReadStrings(statement.GetProperty("resources"))));
        }

        var policy = new PolicyRecord(
            element.GetProperty("policy_id").GetString()!,
            element.GetProperty("app_id").GetString()!,
            element.GetProperty("policy_name").GetString()!,
            statements,
            ReadTime(element.GetProperty("create_time")));
        policy.UpdateTime = ReadTime(element.GetProperty("update_time"));
        foreach (var target in element.GetProperty("targets").EnumerateArray())
        {
            policy.Targets.Add(new BindingRecord(
                target.GetProperty("record_id").GetString()!,
                target.GetProperty("target_type").GetString()!,
                target.GetProperty("target_id").GetString()!));
        }

        return policy;
    }

    private static string[] ReadStrings(JsonElement array)
    {
        var values = new string[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[index++] = item.GetString()!;
        }

        return values;
    }

    private static DateTimeOffset ReadTime(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
