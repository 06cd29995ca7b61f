namespace IoTDA.Generator.Model;

/// <summary>
/// A body the generator does not model as JSON or a form: text (a <c>string</c>) or anything else (a <c>Stream</c>),
/// sent or read with <see cref="MediaType"/>.
/// </summary>
internal sealed record RawContent(string MediaType, bool IsText);
