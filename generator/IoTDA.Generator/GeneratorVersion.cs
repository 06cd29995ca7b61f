namespace IoTDA.Generator;

/// <summary>The generator's version as generated code's <c>GeneratedCode</c> attribute states it (major.minor.patch).</summary>
internal static class GeneratorVersion
{
    public static readonly string Value = typeof(GeneratorVersion).Assembly.GetName().Version is { } version
        ? version.Major + "." + version.Minor + "." + version.Build
        : "0.0.0";
}
