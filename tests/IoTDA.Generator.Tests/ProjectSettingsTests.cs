using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>What the item metadata and project properties change in the generated code.</summary>
public class ProjectSettingsTests
{
    [Fact]
    public void Without_metadata_the_root_namespace_and_the_file_name_name_the_client()
    {
        var (run, output) = GeneratorHarness.Run(
            new[] { new SpecInput("/repo/specs/device-policies.openapi.yaml", GeneratorHarness.BundledSpecText, tags: "DevicePolicies") },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Contoso.Devices" });

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Empty(run.Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Devices.DevicePoliciesClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Devices.IDevicePoliciesClient"));
    }

    [Fact]
    public void IoTDAGenerateInternalTypes_makes_every_generated_type_internal()
    {
        var (_, output) = GeneratorHarness.Run(
            new[] { GeneratorHarness.BundledSpec },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.IoTDAGenerateInternalTypes"] = "true" });

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var generated = output.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "IoTDA").GetTypeMembers();
        Assert.Contains(generated, t => t.Name == "IoTDAClient");
        Assert.Contains(generated, t => t.Name == "TargetType");
        Assert.All(generated, type => Assert.Equal(Accessibility.Internal, type.DeclaredAccessibility));
    }
}
