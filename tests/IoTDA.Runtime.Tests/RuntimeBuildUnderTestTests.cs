using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace IoTDA.Runtime.Tests;

/// <summary>Guards the two-build set-up: each test project must really load the runtime build it claims to test.</summary>
public sealed class RuntimeBuildUnderTestTests
{
    [Fact]
    public void LoadsTheIntendedRuntimeBuild()
    {
        var framework = typeof(AkSkSigner).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
#if RUNTIME_NETSTANDARD
        Assert.StartsWith(".NETStandard,Version=v2.0", framework);
#else
        Assert.StartsWith(".NETCoreApp,Version=v8.0", framework);
#endif
    }
}
