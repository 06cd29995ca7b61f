using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace IoTDA.Runtime;

// The parts of a multipart/form-data body, in the order added; a request has them or another body, never both.
public sealed partial class IoTDARequest
{
    private const string UrlEncodedMediaType = "application/x-www-form-urlencoded";

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

    /// <summary>
    /// Makes the text fields added so far one <c>application/x-www-form-urlencoded</c> body instead of a multipart
    /// form: <c>name=value</c> pairs in the order added, each side percent-encoded as query values are, joined by
    /// <c>&amp;</c>, hashed and signed like any body. With no fields there is no body.
    /// </summary>
    public void SetUrlEncodedFormBody()
    {
        if (_formParts is null)
        {
            return;
        }

        var builder = new CharBuilder(stackalloc char[256]);
        try
        {
            foreach (var part in _formParts)
            {
                if (part.ContentType is not null || part.File is not null)
                {
                    throw new InvalidOperationException($"The form part '{part.Name}' is a file or JSON, which a urlencoded body cannot carry.");
                }

                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                PercentEncoding.AppendEncoded(ref builder, part.Name);
                builder.Append('=');
                PercentEncoding.AppendEncoded(ref builder, Encoding.UTF8.GetString(part.Value!));
            }

            _formParts = null;
            Body = Encoding.ASCII.GetBytes(builder.ToString());
            Raw = new RawBody(null, UrlEncodedMediaType);
        }
        finally
        {
            builder.Dispose();
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
