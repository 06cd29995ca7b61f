using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace IoTDA.Runtime;

// The parts of a multipart/form-data body, in the order added; a request has them or another body, never both.
public sealed partial class IoTDARequest
{
    /// <summary>
    /// Adds a text part to the form (its value sent as UTF-8, without a Content-Type); a null value adds nothing.
    /// The name goes between quotes in the part's header: control characters, <c>"</c> and <c>\</c> are rejected.
    /// </summary>
    public void AddFormField(string name, string? value)
    {
        ThrowIfInvalidPartName(name);
        if (value is not null)
        {
            AddFormPart(FormPart.Text(name, Encoding.UTF8.GetBytes(value)));
        }
    }

    public void AddFormField(string name, long? value) => AddFormField(name, Text(value));

    public void AddFormField(string name, double? value) => AddFormField(name, Text(value));

    public void AddFormField(string name, bool? value) => AddFormField(name, Text(value));

    /// <summary>Adds one text part per value, all with the same name, as a browser sends a multiple-choice field.</summary>
    public void AddFormField(string name, IEnumerable<string>? values)
    {
        ThrowIfInvalidPartName(name);
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            AddFormField(name, value);
        }
    }

    /// <summary>Adds a part whose content is JSON (<c>Content-Type: application/json</c>), serialized now, once.</summary>
    public void AddFormJson<TState>(string name, TState state, Action<Utf8JsonWriter, TState> write)
    {
        ThrowIfInvalidPartName(name);
        AddFormPart(FormPart.Json(name, JsonBodySerializer.Serialize(state, write)));
    }

    /// <summary>Adds a file part; a null file adds nothing. See <see cref="FilePart"/> for how the stream is read.</summary>
    public void AddFormFile(string name, FilePart? file)
    {
        ThrowIfInvalidPartName(name);
        if (file is not null)
        {
            AddFormPart(FormPart.ForFile(name, file));
        }
    }

    private void AddFormPart(FormPart part)
    {
        if (Body is not null || Raw is not null)
        {
            throw BothBodies();
        }

        (_formParts ??= new List<FormPart>()).Add(part);
    }

    private static void ThrowIfInvalidPartName(string name) =>
        FormHeaderRules.ThrowIfInvalidQuoted("The form field name", nameof(name), name);
}
