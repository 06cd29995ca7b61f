using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using IoTDA.Generator;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Analyzers.Tests;

/// <summary>
/// docs/diagnostics follows the descriptors of the generator (IOTDA1xx) and the analyzers (IOTDA0xx): the tables in
/// its README are rendered from them, every descriptor has a page and every page a descriptor. This project is the one
/// that references both assemblies. Regenerate the tables with <see cref="UpdateCommand"/>.
/// </summary>
public sealed class DiagnosticDocsTests
{
    private const string UpdateCommand =
        "IOTDA_UPDATE_DOCS=1 dotnet test tests/IoTDA.Analyzers.Tests --filter Diagnostic_tables_match_the_descriptors";

    private static readonly string DocsDirectory = Path.Combine(Repository.Root(), "docs", "diagnostics");

    [Fact]
    public void Diagnostic_tables_match_the_descriptors()
    {
        var problem = GeneratedDocs.Check(
            Path.Combine(DocsDirectory, "README.md"),
            UpdateCommand,
            Tables().Select(table => (table.Name, Render(table.Descriptors))));
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Every_diagnostic_has_a_help_page_and_every_page_a_diagnostic()
    {
        var descriptors = Tables().SelectMany(table => table.Descriptors).ToArray();
        foreach (var descriptor in descriptors)
        {
            Assert.Equal("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(DocsDirectory, descriptor.Id + ".md")), descriptor.Id + " has no page");
        }

        var orphans = Directory.GetFiles(DocsDirectory, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(page => page != "README")
            .Except(descriptors.Select(descriptor => descriptor.Id), StringComparer.Ordinal)
            .ToArray();
        Assert.True(orphans.Length == 0, "Pages in docs/diagnostics without a diagnostic: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Every_page_states_the_severity_its_descriptor_has()
    {
        foreach (var descriptor in Tables().SelectMany(table => table.Descriptors))
        {
            var page = File.ReadAllText(Path.Combine(DocsDirectory, descriptor.Id + ".md"));
            Assert.True(
                page.Contains("Default severity: **" + descriptor.DefaultSeverity + "**", StringComparison.Ordinal),
                descriptor.Id + ".md does not say its default severity is " + descriptor.DefaultSeverity);
        }
    }

    /// <summary>
    /// The analyzers' IDs come from the shared constraint table rather than constants, which release tracking cannot
    /// follow, so the release files are checked here: one row for each rule, agreeing with its descriptor.
    /// </summary>
    [Fact]
    public void Every_analyzer_rule_has_a_release_row_and_every_row_a_rule()
    {
        var expected = new ConstraintAnalyzer().SupportedDiagnostics
            .Select(descriptor => string.Join(" | ", descriptor.Id, descriptor.Category, descriptor.DefaultSeverity, descriptor.Title.ToString(CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal);
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(name => File.ReadAllLines(Path.Combine(Repository.Root(), "analyzers", "IoTDA.Analyzers", name)))
            .Where(line => line.StartsWith("IOTDA", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    private static (string Name, IReadOnlyList<DiagnosticDescriptor> Descriptors)[] Tables() =>
    [
        ("generator diagnostics", GeneratorDescriptors()),
        ("analyzer diagnostics", new ConstraintAnalyzer().SupportedDiagnostics),
    ];

    /// <summary>
    /// A generator has no SupportedDiagnostics and its descriptor class is internal, so its fields are read: a
    /// descriptor added there joins the table without a change here.
    /// </summary>
    private static DiagnosticDescriptor[] GeneratorDescriptors() =>
        typeof(IoTDAGenerator).Assembly
            .GetType("IoTDA.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .ToArray();

    private static string Render(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var table = new StringBuilder("| ID | Severity | Title |\n|---|---|---|\n");
        foreach (var descriptor in descriptors.OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal))
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title.ToString(CultureInfo.InvariantCulture)} |\n");
        }

        return table.ToString();
    }
}
