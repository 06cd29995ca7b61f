namespace IoTDA.Generator.Model;

/// <summary>One spec file as the pipeline sees it before parsing; <see cref="ReadError"/> is set when its text could not be read.</summary>
internal sealed record SpecFile(string Path, string Text, string Namespace, string ClientName, bool InternalTypes, string? ReadError);
