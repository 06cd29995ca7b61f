using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>What every test compilation holds: .NET 8, IoTDA.Runtime, and the bundled spec for the generator.</summary>
public static class TestProject
{
    public const string SpecPath = "/consumer/spec/iotda.openapi.yaml";

    /// <summary>
    /// The global options that mark the spec as one the generator reads (what IoTDA.Sdk.targets does). The tests call
    /// device-policy operations only, so the item selects that group: the compilations stay as small as they were
    /// when the bundled spec held nothing else.
    /// </summary>
    public static readonly string GlobalConfig =
        "is_global = true\n" +
        "build_property.RootNamespace = Consumer\n" +
        "\n" +
        "[" + SpecPath + "]\n" +
        "build_metadata.AdditionalFiles.OpenApiSpec = true\n" +
        "build_metadata.AdditionalFiles.Namespace = IoTDA\n" +
        "build_metadata.AdditionalFiles.ClientName = IoTDAClient\n" +
        "build_metadata.AdditionalFiles.Tags = DevicePolicies\n";

    public static string SpecText { get; } = ReadResource("spec/iotda.openapi.yaml");

    public static IReadOnlyList<MetadataReference> References { get; } =
        Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location))
            .ToArray();

    public static string ReadResource(string name)
    {
        using var stream = typeof(TestProject).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(TestProject).Assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(name => name, StringComparer.Ordinal);
}
