using System;
using System.Threading.Tasks;
using IoTDA.Packaging.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Packaging.Tests;

/// <summary>
/// A netstandard2.0 library at C# 8 references IoTDA.Sdk and exposes the generated client; an app references only the
/// library. The generator reaches the app too (analyzers flow through project references), so if the bundled spec
/// reached it as well, the app would generate a second IoTDA.IoTDAClient and every use of it would be CS0436.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TransitiveReferenceTests
{
    private readonly PackageFixture _package;

    public TransitiveReferenceTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task An_app_referencing_a_library_that_references_the_package_uses_the_librarys_types_without_CS0436()
    {
        var build = await DotNet.BuildAsync(_package.PathInRoot("App"));

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.Contains("Library analyzer: IoTDA.Generator", build.Output, StringComparison.Ordinal);
        Assert.Contains("App analyzer: IoTDA.Generator", build.Output, StringComparison.Ordinal);
        Assert.Contains("Library spec: ", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("App spec: ", build.Output, StringComparison.Ordinal);

        var run = await DotNet.RunAsync(_package.PathInRoot("App"), _package.PathInRoot("App", "bin", "Debug", "net10.0", "App.dll"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("client from: Library", run.Output, StringComparison.Ordinal);
        Assert.Contains("body from: Library", run.Output, StringComparison.Ordinal);
    }
}
