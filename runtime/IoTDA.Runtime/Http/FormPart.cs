namespace IoTDA.Runtime;

/// <summary>
/// One part of a multipart/form-data request as <see cref="IoTDARequest"/> holds it: a text or JSON value already
/// encoded as UTF-8 (so every attempt sends the same bytes), or a file that is read when the request is sent.
/// </summary>
internal sealed class FormPart
{
    internal const string JsonContentType = "application/json";

    private FormPart(string name, byte[]? value, string? contentType, FilePart? file)
    {
        Name = name;
        Value = value;
        ContentType = contentType;
        File = file;
    }

    public string Name { get; }

    /// <summary>The bytes of a text or JSON part; null for a file.</summary>
    public byte[]? Value { get; }

    /// <summary>The part's Content-Type; null for a text field, which has none (as browsers send them).</summary>
    public string? ContentType { get; }

    public FilePart? File { get; }

    public static FormPart Text(string name, byte[] value) => new(name, value, null, null);

    public static FormPart Json(string name, byte[] value) => new(name, value, JsonContentType, null);

    public static FormPart ForFile(string name, FilePart file) => new(name, null, file.ContentType, file);
}
