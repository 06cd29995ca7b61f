namespace IoTDA.Generator.Model;

/// <summary>The project-wide settings: MSBuild's RootNamespace and IoTDAGenerateInternalTypes.</summary>
internal sealed record ProjectSettings(string? RootNamespace, bool InternalTypes);
