using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// The state on disk: a snapshot (<see cref="StateFile"/>, the file the user named) and a journal beside it
/// (<c>.journal</c>), one JSON line per change. A change costs one appended line however large the state is; the
/// journal is folded into a new snapshot at start, at stop, and once it outgrows the snapshot, so rewriting stays
/// a small share of the writing.
/// </summary>
/// <remarks>
/// The journal's first line names the snapshot it continues by the snapshot's SHA-256. Compacting writes the new
/// snapshot, then a new journal, each to a temporary file moved over the old one: a crash between the two leaves a
/// journal that names an older snapshot, and it is ignored, since the new snapshot already holds its changes. A line
/// cut short by a crash (no line end) was never acknowledged, and is ignored too.
/// </remarks>
internal sealed class StateStore
{
    private const int JournalVersion = 1;

    /// <summary>Below this the journal is never compacted while running: rewriting a small state often gains nothing.</summary>
    private const long MinCompactionBytes = 1 << 20;

    private long _snapshotLength;
    private long _journalLength;

    // Set while a compaction is under way and left set when it fails: the journal may then continue an older
    // snapshot, and a line appended to it would be ignored at the next start.
    private bool _compactionUnfinished;

    public StateStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        JournalPath = Path + ".journal";
    }

    public string Path { get; }

    public string JournalPath { get; }

    /// <summary>Loads the snapshot and replays the journal onto it, then compacts both.</summary>
    public Dictionary<string, InstanceRecord> Open()
    {
        var instances = new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);

        // A journal without its snapshot continues nothing: the user removed the state file to start afresh.
        if (File.Exists(Path))
        {
            var snapshot = File.ReadAllBytes(Path);
            instances = StateFile.Parse(snapshot, Path);
            if (File.Exists(JournalPath))
            {
                Replay(File.ReadAllBytes(JournalPath), Hash(snapshot), instances);
            }
        }

        Compact(instances);
        return instances;
    }

    /// <summary>
    /// Writes one change and returns once it is in the file; on failure the file holds what it held before.
    /// <paramref name="instances"/> is the state before the change, compacted first if the last compaction failed.
    /// </summary>
    public void Append(StateChange change, Dictionary<string, InstanceRecord> instances)
    {
        if (_compactionUnfinished)
        {
            Compact(instances);
        }

        var line = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(line))
        {
            change.Write(writer);
        }

        line.Write("\n"u8);
        using var stream = new FileStream(JournalPath, FileMode.Open, FileAccess.Write, FileShare.Read);

        // An append that failed halfway left bytes no line end closes; they go before the next line is written.
        if (stream.Length != _journalLength)
        {
            stream.SetLength(_journalLength);
        }

        stream.Position = _journalLength;
        stream.Write(line.WrittenSpan);
        stream.Flush();
        _journalLength += line.WrittenCount;
    }

    /// <summary>The journal has grown past the snapshot: folding it in costs less than what it has saved.</summary>
    public bool CompactionDue => _journalLength > Math.Max(MinCompactionBytes, _snapshotLength);

    /// <summary>Writes <paramref name="instances"/> as the new snapshot and starts an empty journal after it.</summary>
    public void Compact(Dictionary<string, InstanceRecord> instances)
    {
        _compactionUnfinished = true;
        var snapshot = StateFile.Serialize(instances);
        Replace(Path, snapshot);
        var header = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteNumber("journal", JournalVersion);
            writer.WriteString("snapshot_sha256", Hash(snapshot));
            writer.WriteEndObject();
        }

        header.Write("\n"u8);
        Replace(JournalPath, header.WrittenSpan.ToArray());
        _snapshotLength = snapshot.Length;
        _journalLength = header.WrittenCount;
        _compactionUnfinished = false;
    }

    private void Replay(byte[] journal, string snapshotHash, Dictionary<string, InstanceRecord> instances)
    {
        var start = 0;
        for (var number = 1; ; number++)
        {
            var end = Array.IndexOf(journal, (byte)'\n', start);
            if (end < 0)
            {
                return;
            }

            var reader = new StateReader($"The emulator state journal '{JournalPath}', line {number},");
            using var document = ParseLine(journal.AsMemory(start, end - start), reader);
            if (number == 1)
            {
                var version = reader.Int(document.RootElement, "journal", string.Empty);
                if (version != JournalVersion)
                {
                    throw new InvalidDataException($"{reader.Source} has version {version}; this emulator reads version {JournalVersion}.");
                }

                if (!string.Equals(reader.String(document.RootElement, "snapshot_sha256", string.Empty), snapshotHash, StringComparison.Ordinal))
                {
                    return;
                }
            }
            else
            {
                var change = StateChange.Read(document.RootElement, reader);
                try
                {
                    change.Apply(instances);
                }
                catch (InvalidDataException exception)
                {
                    throw new InvalidDataException($"{reader.Source} cannot be replayed: {exception.Message}", exception);
                }
            }

            start = end + 1;
        }
    }

    private static JsonDocument ParseLine(ReadOnlyMemory<byte> line, StateReader reader)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{reader.Source} cannot be read: it is not JSON ({exception.Message})", exception);
        }
    }

    private static void Replace(string path, byte[] content)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
