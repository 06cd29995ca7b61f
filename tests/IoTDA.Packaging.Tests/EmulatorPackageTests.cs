using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using IoTDA.Packaging.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Packaging.Tests;

/// <summary>
/// IoTDA.Emulator is the other package: its signature checks use the runtime, which ships inside IoTDA.Sdk, so the
/// emulator must depend on IoTDA.Sdk and not on a runtime package that does not exist.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EmulatorPackageTests
{
    private readonly PackageFixture _package;

    public EmulatorPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task The_emulator_package_depends_on_IoTDA_Sdk_and_carries_only_its_own_assembly()
    {
        var output = _package.PathInRoot("emulator-feed");
        var project = Path.Combine(_package.RepositoryRoot, "emulator", "IoTDA.Emulator", "IoTDA.Emulator.csproj");

        // Restored without the test version, as the fixture does, so no other build's restore output names it.
        var restore = await DotNet.RunAsync(_package.RepositoryRoot, "restore", project, "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var pack = await DotNet.RunAsync(
            _package.RepositoryRoot, "pack", project, "--no-restore", "-c", "Release", "-o", output, "-p:PackageVersion=" + _package.Version,
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

        Assert.True(pack.ExitCode == 0, pack.ToString());
        using var archive = ZipFile.OpenRead(Path.Combine(output, $"IoTDA.Emulator.{_package.Version}.nupkg"));
        var libraries = archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal) && n.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Equal(new[] { "lib/net10.0/IoTDA.Emulator.dll" }, libraries);

        using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (Id: (string?)e.Attribute("id"), Version: (string?)e.Attribute("version"))).ToList();
        Assert.Equal(new[] { ("IoTDA.Sdk", _package.Version) }, dependencies.Select(d => (d.Id!, d.Version!)));
    }
}
