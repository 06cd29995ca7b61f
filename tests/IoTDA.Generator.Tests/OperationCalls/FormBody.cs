using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTDA.Generator.Tests.SpecReading;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>
/// multipart/form-data bodies: the argument for each part (a binary part is the runtime's
/// <c>FilePart(Stream content, string fileName, string? contentType)</c>, found by name so this compiles before the
/// runtime has it), and a small reader of the parts a request sent.
/// </summary>
internal static class FormBody
{
    private const string FilePartType = "IoTDA.Runtime.FilePart";
    private const string FileName = "devices.xlsx";
    private const string FileMediaType = "application/vnd.ms-excel";

    /// <summary>The argument for the part <paramref name="name"/> and the part it must become.</summary>
    public static (object? Value, FormPart Part) Build(string name, SpecSchema schema, Type type, ArgumentBuilder builder, string operationId)
    {
        if (schema.Kind == SchemaKind.Binary)
        {
            if (type.FullName != FilePartType)
            {
                throw new InvalidOperationException($"{operationId}: the binary part {name} is a {type}, not a {FilePartType}.");
            }

            var content = Encoding.UTF8.GetBytes("the file of part " + name);
            var file = Activator.CreateInstance(type, new MemoryStream(content), FileName, FileMediaType);
            return (file, new FormPart(name, FileName, content));
        }

        var (value, json) = builder.Build(schema, type, name, ValuePlace.Body);
        var text = json is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : json.ToJsonString();
        return (value, new FormPart(name, null, Encoding.UTF8.GetBytes(text)));
    }

    public static void Compare(IReadOnlyList<FormPart> expected, RecordedRequest actual, List<string> mismatches)
    {
        if (actual.ContentType is not { } contentType || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            mediaType.MediaType != "multipart/form-data" ||
            mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value is not { } boundary)
        {
            mismatches.Add($"body: expected multipart/form-data with a boundary, sent {actual.ContentType ?? "no content type"}");
            return;
        }

        IReadOnlyList<FormPart> sent;
        try
        {
            sent = Parse(actual.Body, boundary.Trim('"'));
        }
        catch (FormatException exception)
        {
            mismatches.Add("body: not a readable multipart body (" + exception.Message + ")");
            return;
        }

        foreach (var part in expected)
        {
            var match = sent.Where(p => p.Name == part.Name).ToArray();
            if (match.Length != 1)
            {
                mismatches.Add($"body part {part.Name}: sent {match.Length} times (parts sent: {string.Join(", ", sent.Select(p => p.Name))})");
                continue;
            }

            if (match[0].FileName != part.FileName)
            {
                mismatches.Add($"body part {part.Name}: expected file name {part.FileName ?? "none"}, sent {match[0].FileName ?? "none"}");
            }

            if (!match[0].Content.AsSpan().SequenceEqual(part.Content))
            {
                mismatches.Add($"body part {part.Name}: expected {part.Content.Length} bytes of content, sent {match[0].Content.Length} other bytes");
            }
        }

        foreach (var part in sent.Where(s => expected.All(e => e.Name != s.Name)))
        {
            mismatches.Add($"body part {part.Name}: not in the spec");
        }
    }

    /// <summary>The parts between <c>--boundary</c> lines (RFC 7578), each with its Content-Disposition name and file name.</summary>
    public static IReadOnlyList<FormPart> Parse(byte[] body, string boundary)
    {
        // Latin-1 maps each byte to one char and back, so the content bytes survive the detour through a string.
        var text = Encoding.Latin1.GetString(body);
        var delimiter = "--" + boundary;
        var start = At(text, 0, delimiter) ? 0 : text.IndexOf("\r\n" + delimiter, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException("no opening boundary");
        }

        start += At(text, start, "\r\n") ? 2 : 0;

        var parts = new List<FormPart>();
        var position = start + delimiter.Length;
        while (!At(text, position, "--"))
        {
            var headersStart = Expect(text, "\r\n", position);
            var headersEnd = text.IndexOf("\r\n\r\n", headersStart, StringComparison.Ordinal);
            var next = text.IndexOf("\r\n" + delimiter, headersStart, StringComparison.Ordinal);
            if (headersEnd < 0 || next < 0 || next < headersEnd)
            {
                throw new FormatException("a part without headers or closing boundary");
            }

            var disposition = text.Substring(headersStart, headersEnd - headersStart).Split("\r\n")
                .Where(line => line.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
                .Select(line => ContentDispositionHeaderValue.Parse(line.Substring(line.IndexOf(':') + 1).Trim()))
                .SingleOrDefault() ?? throw new FormatException("a part without Content-Disposition");
            var content = Encoding.Latin1.GetBytes(text.Substring(headersEnd + 4, next - headersEnd - 4));
            parts.Add(new FormPart(Unquote(disposition.Name) ?? "", Unquote(disposition.FileNameStar ?? disposition.FileName), content));
            position = next + 2 + delimiter.Length;
        }

        return parts;
    }

    private static int Expect(string text, string what, int position) =>
        At(text, position, what) ? position + what.Length : throw new FormatException("expected a line break after a boundary");

    private static bool At(string text, int position, string what) =>
        position + what.Length <= text.Length && string.CompareOrdinal(text, position, what, 0, what.Length) == 0;

    private static string? Unquote(string? value) => value?.Trim('"');
}
