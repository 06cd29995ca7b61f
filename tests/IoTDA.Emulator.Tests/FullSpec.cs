using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>
/// The whole IoTDA v5 API (all 173 operations), which the emulator's route table and its product and device limits
/// are held against. Read once, from <see cref="Location"/>.
/// </summary>
internal static class FullSpec
{
    /// <summary>Where the spec is, relative to the repository root: the bundled one.</summary>
    public const string Location = "spec/iotda.openapi.yaml";

    private static readonly Lazy<OpenApiDocument> Spec = new(Read);

    public static OpenApiDocument Document => Spec.Value;

    private static OpenApiDocument Read()
    {
        // The bundled spec sits in <root>/spec, and the build stamps its full path on this assembly.
        var bundled = typeof(FullSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "Spec").Value!;
        var root = Path.GetDirectoryName(Path.GetDirectoryName(bundled))!;
        var path = Path.GetFullPath(Path.Combine(root, Location));
        Assert.True(File.Exists(path), $"The full IoTDA spec is not at {path}; FullSpec.Location says where it is.");
        using var stream = File.OpenRead(path);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        Assert.True(diagnostic.Errors.Count == 0, $"{path} does not read as OpenAPI: {string.Join("; ", diagnostic.Errors.Select(error => error.Message))}");
        return document;
    }
}
