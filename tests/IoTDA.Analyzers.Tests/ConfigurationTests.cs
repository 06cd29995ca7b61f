using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static IoTDA.Analyzers.Tests.Infrastructure.Code;

namespace IoTDA.Analyzers.Tests;

/// <summary>
/// Severity from .editorconfig and suppression by pragma, as for any compiler diagnostic. (Raising a rule to an error
/// is checked in <see cref="WorkspaceTests"/>: the testing library reports the descriptor's severity.)
/// </summary>
public sealed class ConfigurationTests
{
    private static readonly string Source = InMethod("var body = new DevicePolicyTargetsRequestBody { TargetType = \"devices\" };");

    [Fact]
    public async Task Editorconfig_can_silence_a_rule()
    {
        var test = Verify.Analyzer(Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IOTDA002.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_pragma_suppresses_one_occurrence()
    {
        var test = Verify.Analyzer(InMethod("""
            #pragma warning disable IOTDA004
            await client.ListDevicePoliciesAsync(limit: 1000);
            #pragma warning restore IOTDA004
            await client.ListDevicePoliciesAsync(limit: {|IOTDA004:1000|});
            """));

        // The library's own check wraps the file in one more '#pragma warning disable', which the restore above undoes.
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }

    /// <summary>Help links and pages: <see cref="DiagnosticDocsTests"/>.</summary>
    [Fact]
    public void Every_rule_is_a_warning_enabled_by_default()
    {
        var analyzer = new ConstraintAnalyzer();
        Assert.Equal(6, analyzer.SupportedDiagnostics.Length);
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }
}
