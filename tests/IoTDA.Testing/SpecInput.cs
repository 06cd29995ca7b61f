using Microsoft.CodeAnalysis;

namespace IoTDA.Testing;

/// <summary>
/// A spec as the generator sees an <c>&lt;OpenApiSpec&gt;</c> item: the additional file and the item's
/// <c>Namespace</c>, <c>ClientName</c> and <c>Tags</c> metadata (null: the item leaves it out), its
/// <c>AllSchemas="true"</c> and its <c>CheckRequiredInAnswers</c>.
/// </summary>
/// <remarks>
/// The file is kept, not rebuilt from the text, because <c>GeneratorDriver.ReplaceAdditionalText</c> finds the old
/// file by identity: a test or benchmark hands <see cref="File"/> back to it.
/// </remarks>
public sealed record SpecInput(AdditionalText File, string? Namespace = null, string? ClientName = null, string? Tags = null)
{
    public SpecInput(string path, string text, string? @namespace = null, string? clientName = null, string? tags = null)
        : this(new InMemoryAdditionalText(path, text), @namespace, clientName, tags)
    {
    }

    /// <summary>
    /// The bundled spec with the item metadata the IoTDA.Sdk package gives it (namespace IoTDA, client IoTDAClient),
    /// and the API groups an <c>IoTDATags</c> property would select (null: all of them).
    /// </summary>
    public static SpecInput Bundled(string path, string text, string? tags = null) => new(path, text, "IoTDA", "IoTDAClient", tags);

    public bool AllSchemas { get; init; }

    /// <summary>The item's <c>CheckRequiredInAnswers</c> metadata; null: the item leaves it out.</summary>
    public bool? CheckRequiredInAnswers { get; init; }

    public string Path => File.Path;

    public string Text => File.GetText()?.ToString() ?? string.Empty;
}
