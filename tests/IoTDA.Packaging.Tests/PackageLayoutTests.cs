using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using IoTDA.Packaging.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Packaging.Tests;

/// <summary>The .nupkg and .snupkg as `dotnet pack` writes them: every file where NuGet and the compiler look for it.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package) => _package = package;

    [Fact]
    public void Lib_holds_the_runtime_with_its_documentation_for_both_target_frameworks()
    {
        var entries = ReadEntries(_package.PackagePath);

        foreach (var (folder, framework) in new[] { ("netstandard2.0", ".NETStandard,Version=v2.0"), ("net8.0", ".NETCoreApp,Version=v8.0") })
        {
            Assert.Contains($"lib/{folder}/IoTDA.Runtime.dll", entries);
            Assert.Contains($"lib/{folder}/IoTDA.Runtime.xml", entries);
            // The assembly's TargetFrameworkAttribute names the framework it was built for.
            Assert.Contains(framework, Encoding.UTF8.GetString(ReadBytes(_package.PackagePath, $"lib/{folder}/IoTDA.Runtime.dll")), StringComparison.Ordinal);
        }
        Assert.Equal(4, entries.Count(entry => entry.StartsWith("lib/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Analyzers_hold_the_generator_everything_it_loads_and_the_analyzers_that_exist()
    {
        var expected = new List<string>
        {
            "analyzers/dotnet/cs/IoTDA.Generator.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.Readers.dll",
            "analyzers/dotnet/cs/SharpYaml.dll",
        };
        foreach (var project in new[] { "IoTDA.Analyzers", "IoTDA.Analyzers.CodeFixes" })
        {
            if (File.Exists(Path.Combine(_package.RepositoryRoot, "analyzers", project, project + ".csproj")))
            {
                expected.Add($"analyzers/dotnet/cs/{project}.dll");
            }
        }

        var assemblies = ReadEntries(_package.PackagePath).Where(entry => entry.EndsWith(".dll", StringComparison.Ordinal) && !entry.StartsWith("lib/", StringComparison.Ordinal));

        Assert.Equal(expected.OrderBy(path => path, StringComparer.Ordinal), assemblies.OrderBy(path => path, StringComparer.Ordinal));
    }

    [Fact]
    public void Build_and_buildTransitive_hold_the_msbuild_files_and_the_bundled_spec_ships_as_the_repository_has_it()
    {
        var entries = ReadEntries(_package.PackagePath);

        Assert.Contains("build/IoTDA.Sdk.props", entries);
        Assert.Contains("build/IoTDA.Sdk.targets", entries);
        Assert.Contains("buildTransitive/IoTDA.Sdk.targets", entries);
        // A buildTransitive/IoTDA.Sdk.props would replace build/IoTDA.Sdk.props, the only file naming the bundled spec.
        Assert.DoesNotContain("buildTransitive/IoTDA.Sdk.props", entries);
        Assert.Equal(
            File.ReadAllText(Path.Combine(_package.RepositoryRoot, "spec", "iotda.openapi.yaml")),
            ReadText(_package.PackagePath, "spec/iotda.openapi.yaml"));
        Assert.Equal(File.ReadAllText(Path.Combine(_package.RepositoryRoot, "README.md")), ReadText(_package.PackagePath, "README.md"));
    }

    [Fact]
    public void Nuspec_states_identity_license_readme_and_repository()
    {
        var metadata = ReadNuspecMetadata();

        Assert.Equal("IoTDA.Sdk", Element(metadata, "id").Value);
        Assert.Equal(_package.Version, Element(metadata, "version").Value);
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Element(metadata, "readme").Value);
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description").Value));

        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        var commit = (string?)repository.Attribute("commit");
        Assert.Matches("^[0-9a-f]{40}$", commit);
    }

    [Fact]
    public async Task Nuspec_repository_commit_is_a_commit_of_this_repository()
    {
        var commit = (string)Element(ReadNuspecMetadata(), "repository").Attribute("commit")!;

        var type = await DotNet.GitAsync(_package.RepositoryRoot, "cat-file", "-t", commit);

        Assert.Equal("commit", type.Trim());
    }

    [Fact]
    public void Nuspec_dependencies_are_the_runtimes_per_target_framework_plus_what_generated_code_needs()
    {
        var groups = Element(ReadNuspecMetadata(), "dependencies").Elements().ToDictionary(
            group => (string)group.Attribute("targetFramework")!,
            group => group.Elements().ToDictionary(dependency => (string)dependency.Attribute("id")!, dependency => (string)dependency.Attribute("version")!));

        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(key => key, StringComparer.Ordinal));
        var netStandard = RuntimeDependencies("netstandard2.0");
        Assert.Equal(netStandard, groups[".NETStandard2.0"].OrderBy(pair => pair.Key, StringComparer.Ordinal));
        // On .NET 8 the runtime needs no Microsoft.Bcl.AsyncInterfaces, but code generated into a netstandard2.0
        // library is compiled against it, and a .NET 8+ app that references such a library must be able to load it.
        var asyncInterfaces = netStandard.Single(pair => pair.Key == "Microsoft.Bcl.AsyncInterfaces");
        var net = RuntimeDependencies("net8.0").Append(asyncInterfaces).OrderBy(pair => pair.Key, StringComparer.Ordinal);
        Assert.Equal(net, groups["net8.0"].OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Symbol_package_holds_the_runtime_pdbs()
    {
        var entries = ReadEntries(_package.SymbolPackagePath);

        Assert.Contains("lib/netstandard2.0/IoTDA.Runtime.pdb", entries);
        Assert.Contains("lib/net8.0/IoTDA.Runtime.pdb", entries);
    }

    /// <summary>The runtime's own direct package references for a framework, as its restore recorded them.</summary>
    private List<KeyValuePair<string, string>> RuntimeDependencies(string framework)
    {
        var assets = Path.Combine(_package.RepositoryRoot, "runtime", "IoTDA.Runtime", "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var dependencies = document.RootElement.GetProperty("project").GetProperty("frameworks").GetProperty(framework).GetProperty("dependencies");
        var result = new List<KeyValuePair<string, string>>();
        foreach (var dependency in dependencies.EnumerateObject())
        {
            var privateToRuntime = dependency.Value.TryGetProperty("suppressParent", out var suppress) && suppress.GetString() == "All";
            var implicitlyDefined = dependency.Value.TryGetProperty("autoReferenced", out var auto) && auto.GetBoolean();
            if (!privateToRuntime && !implicitlyDefined)
            {
                // Restore records "[8.0.1, )"; the nuspec writes a minimum version as "8.0.1".
                result.Add(new(dependency.Name, dependency.Value.GetProperty("version").GetString()!.TrimStart('[').Split(',')[0].Trim()));
            }
        }
        Assert.NotEmpty(result);
        return result.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
    }

    private XElement ReadNuspecMetadata()
    {
        var nuspec = XDocument.Parse(ReadText(_package.PackagePath, "IoTDA.Sdk.nuspec"));
        return nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement parent, string name) =>
        parent.Elements().SingleOrDefault(element => element.Name.LocalName == name)
        ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

    private static HashSet<string> ReadEntries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
    }

    private static byte[] ReadBytes(string package, string entryName)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{package} has no {entryName}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ReadText(string package, string entryName)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{package} has no {entryName}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
