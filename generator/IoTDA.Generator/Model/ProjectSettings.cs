namespace IoTDA.Generator.Model;

/// <summary>The project-wide settings: MSBuild's RootNamespace and IoTDAGenerateInternalTypes.</summary>
internal sealed record ProjectSettings(string? RootNamespace, bool InternalTypes)
{
    /// <summary>The project's framework has <c>System.DateOnly</c> (.NET 6 and later): a <c>format: date</c> is one.</summary>
    public bool DatesAsDateOnly { get; init; }
}
