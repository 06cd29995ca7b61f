using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs IoTDA.Sdk once per test run and lays out a folder where throwaway projects consume it like users do.
/// The version is unique per run (<c>0.0.0-test.{ticks}</c>), so no package cached by an earlier run can stand in
/// for this build. The consumers restore into the fixture's own packages folder (never the machine's cache) from a
/// nuget.config naming only the fixture's feed, the machine's packages folder (read only) and nuget.org; the
/// folder's own Directory.Build.props, .targets and Directory.Packages.props keep MSBuild and NuGet from picking up
/// anything above it. The pack itself restores the repository's projects as any build of them does.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = "0.0.0-test." + DateTime.UtcNow.Ticks;
        Root = Path.Combine(Path.GetTempPath(), "iotda-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    /// <summary>The temporary folder holding the feed, the packages folder and the consumer projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string PackagePath => Path.Combine(Feed, $"IoTDA.Sdk.{Version}.nupkg");

    public string SymbolPackagePath => Path.Combine(Feed, $"IoTDA.Sdk.{Version}.snupkg");

    public CommandResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);

        var project = Path.Combine(RepositoryRoot, "packaging", "IoTDA.Sdk", "IoTDA.Sdk.csproj");
        // Restored on its own, without the test version: a restore that saw it would rewrite the referenced projects'
        // restore outputs with a version no other build uses.
        var restore = await DotNet.RunAsync(RepositoryRoot, "restore", project, "-nodeReuse:false");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("Restoring IoTDA.Sdk failed: " + restore);
        }

        // Release, not the Debug build the test run uses: other test assemblies load those outputs meanwhile.
        // PackageVersion, not Version: the referenced projects' assemblies stay as built, so they are not recompiled.
        Pack = await DotNet.RunAsync(
            RepositoryRoot,
            "pack", project, "--no-restore",
            "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version,
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Packing IoTDA.Sdk failed: " + Pack);
        }

        // The machine's packages folder is read as one more source (restore copies from it, never writes to it), so
        // the package's dependencies restore without the network when this machine has them already.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(machinePackages))
        {
            machinePackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
        var machineSource = Directory.Exists(machinePackages) ? $"""<add key="machine" value="{machinePackages}" />""" : "";
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                {machineSource}
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <IoTDASdkVersion>{Version}</IoTDASdkVersion>
                <RestorePackagesPath>{Packages}</RestorePackagesPath>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "TestProjects"), Root);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server still closing may hold a file for a moment; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return Task.CompletedTask;
    }

    public string PathInRoot(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Generated.sln was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "IoTDA.Sdk package";
}
