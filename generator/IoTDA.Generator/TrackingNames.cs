namespace IoTDA.Generator;

/// <summary>The names of the pipeline steps, so tests can assert how each one ran.</summary>
public static class TrackingNames
{
    public const string ProjectSettings = nameof(ProjectSettings);
    public const string SpecItems = nameof(SpecItems);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Parsed = nameof(Parsed);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
}
