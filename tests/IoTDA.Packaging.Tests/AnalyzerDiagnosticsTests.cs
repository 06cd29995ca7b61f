using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IoTDA.Packaging.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Packaging.Tests;

/// <summary>
/// The analyzers end to end: a console project that adds IoTDA.Sdk from the local feed (TestProjects/AnalyzerConsumer)
/// and breaks two rules in Program.cs, built with the real <c>dotnet build</c>. The build prints IOTDA001 and IOTDA002
/// at the lines and columns of the offending values, and the project's <c>.editorconfig</c> raises a rule to an error
/// or silences both. All three tests build the one project folder (restored once, by the first build); each writes
/// the <c>.editorconfig</c> it depends on and touches Program.cs, so every build compiles it again. A <c>#warning</c>
/// in Program.cs is the control: it shows that the compiler ran, so a build without IOTDA lines proves a silenced
/// rule, not a skipped compile.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AnalyzerDiagnosticsTests
{
    private const string TargetIdsLineText = "    TargetIds = [";
    private const string TargetTypeLineText = "    TargetType = \"devices\",";
    private const int TargetTypeLine = 8;
    private const int TargetIdsLine = 9;
    private const int ControlLine = 13;

    private const string TooManyItemsMessage = "target_ids has 21 items; the API accepts at most 20 per call";
    private const string NotAllowedValueMessage = "'devices' is not a valid target_type; expected device, product or app (did you mean 'device'?)";

    // "/path/Program.cs(8,18): warning IOTDA002: message [/path/AnalyzerConsumer.csproj]", as MSBuild's console logger
    // prints a compiler diagnostic.
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?:\d+>)?\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+[0-9]+): (?<message>.*?)(?: \[[^\]]*\])?\s*$",
        RegexOptions.CultureInvariant);

    private readonly PackageFixture _package;

    public AnalyzerDiagnosticsTests(PackageFixture package) => _package = package;

    private string ProjectDirectory => _package.PathInRoot("AnalyzerConsumer");

    private string ProgramPath => Path.Combine(ProjectDirectory, "Program.cs");

    private string EditorConfigPath => Path.Combine(ProjectDirectory, ".editorconfig");

    [Fact]
    public async Task A_plain_build_warns_with_IOTDA001_and_IOTDA002_on_the_lines_of_the_values()
    {
        UseEditorConfig(null);

        var build = await BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertDiagnostics(
            build,
            new[]
            {
                Expected(TargetTypeLine, TargetTypeColumn(), "warning", "IOTDA002", NotAllowedValueMessage),
                Expected(TargetIdsLine, TargetIdsColumn(), "warning", "IOTDA001", TooManyItemsMessage),
                Control(),
            });
    }

    [Fact]
    public async Task An_editorconfig_severity_of_error_fails_the_build_with_error_IOTDA001()
    {
        UseEditorConfig("dotnet_diagnostic.IOTDA001.severity = error");

        var build = await BuildAsync();

        Assert.True(build.ExitCode != 0, build.ToString());
        AssertDiagnostics(
            build,
            new[]
            {
                Expected(TargetTypeLine, TargetTypeColumn(), "warning", "IOTDA002", NotAllowedValueMessage),
                Expected(TargetIdsLine, TargetIdsColumn(), "error", "IOTDA001", TooManyItemsMessage),
                Control(),
            });
    }

    [Fact]
    public async Task An_editorconfig_severity_of_none_silences_both_rules()
    {
        UseEditorConfig("dotnet_diagnostic.IOTDA001.severity = none\ndotnet_diagnostic.IOTDA002.severity = none");

        var build = await BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        // The analyzers were there and the compiler ran (the control warning); the rules alone were silenced.
        Assert.Contains("AnalyzerConsumer analyzer: IoTDA.Analyzers", build.Output, StringComparison.Ordinal);
        AssertDiagnostics(build, new[] { Control() });
        Assert.DoesNotContain("IOTDA0", build.Output, StringComparison.Ordinal);
    }

    /// <summary>Writes the project's .editorconfig with these settings for C# files, or deletes it for none.</summary>
    private void UseEditorConfig(string? settings)
    {
        if (settings is null)
        {
            File.Delete(EditorConfigPath);
            return;
        }

        File.WriteAllText(EditorConfigPath, "root = true\n\n[*.cs]\n" + settings + "\n");
    }

    /// <summary>
    /// Builds the project after touching Program.cs, so the compiler runs (and prints its diagnostics) on every build,
    /// whatever the previous test left in obj/.
    /// </summary>
    private Task<CommandResult> BuildAsync()
    {
        File.SetLastWriteTimeUtc(ProgramPath, DateTime.UtcNow);
        return DotNet.BuildAsync(ProjectDirectory);
    }

    /// <summary>The diagnostics the build printed, one a line, so a failure shows every one in full.</summary>
    private void AssertDiagnostics(CommandResult build, string[] expected) =>
        Assert.Equal(string.Join(Environment.NewLine, expected), string.Join(Environment.NewLine, Diagnostics(build.Output)));

    /// <summary>
    /// The compiler diagnostics the build printed for Program.cs, as "line,column severity id: message", each once
    /// (sorted by position), after checking that every printed diagnostic is about Program.cs.
    /// </summary>
    private string[] Diagnostics(string output)
    {
        var found = output.Split('\n')
            .Select(line => DiagnosticLine.Match(line))
            .Where(match => match.Success)
            .ToArray();
        Assert.All(found, match => Assert.Equal(ProgramPath, Path.GetFullPath(match.Groups["file"].Value.Trim())));
        return found
            .OrderBy(match => int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(match => int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(match => $"{match.Groups["line"].Value},{match.Groups["column"].Value} {match.Groups["severity"].Value} {match.Groups["id"].Value}: {match.Groups["message"].Value}")
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A rule's line as the build prints it: the message, then the rule's help link in parentheses.</summary>
    private static string Expected(int line, int column, string severity, string id, string message) =>
        $"{line},{column} {severity} {id}: {message} (docs/diagnostics/{id}.md)";

    private static string Control() => $"{ControlLine},10 warning CS1030: #warning: 'The compiler read Program.cs'";

    /// <summary>The column of "devices", after checking that its line is where the tests expect it.</summary>
    private int TargetTypeColumn() => ColumnOf(TargetTypeLine, TargetTypeLineText, "\"devices\"");

    /// <summary>The column of the collection expression's '[', after checking the same.</summary>
    private int TargetIdsColumn() => ColumnOf(TargetIdsLine, TargetIdsLineText, "[");

    private int ColumnOf(int line, string lineStart, string value)
    {
        var text = File.ReadAllLines(ProgramPath)[line - 1];
        Assert.StartsWith(lineStart, text, StringComparison.Ordinal);
        return text.IndexOf(value, StringComparison.Ordinal) + 1;
    }
}
