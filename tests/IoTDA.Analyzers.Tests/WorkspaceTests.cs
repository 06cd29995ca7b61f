using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Analyzers.Tests.Infrastructure;
using IoTDA.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IoTDA.Analyzers.Tests;

/// <summary>
/// The consumer project held the way the IDE holds it: a workspace whose project has the generator and the analyzers
/// as analyzer references and the spec as an additional document. Editing the spec regenerates the client and the
/// diagnostics follow, with nothing reloaded.
/// </summary>
public sealed class WorkspaceTests
{
    private const string ConsumerCode = """
        using System.Threading.Tasks;
        using IoTDA;

        public static class Consumer
        {
            public static async Task RunAsync(IIoTDAClient client)
            {
                await client.BindDevicePolicyAsync("0123456789abcdef01234567", new DevicePolicyTargetsRequestBody
                {
                    TargetType = TargetType.Device,
                    TargetIds = ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21"],
                });
                await client.UnbindDevicePolicyAsync("0123456789abcdef01234567", new DevicePolicyTargetsRequestBody
                {
                    TargetType = TargetType.Device,
                    TargetIds = ["d1", "d2", "d3", "d4", "d5", "d6"],
                });
            }
        }
        """;

    [Fact]
    public async Task Editing_the_spec_regenerates_the_client_and_the_diagnostic_follows_without_reloading()
    {
        using var workspace = new AdhocWorkspace();
        var (projectId, specId, _) = CreateConsumer(workspace);

        var before = workspace.CurrentSolution.GetProject(projectId)!;
        var generatedBefore = await GeneratedTextsAsync(before);
        var diagnosticsBefore = await AnalyzeAsync(before);
        var single = Assert.Single(diagnosticsBefore);
        Assert.Equal("IOTDA001", single.Id);
        Assert.Equal("target_ids has 21 items; the API accepts at most 20 per call", single.GetMessage());
        Assert.Equal(10, single.Location.GetLineSpan().StartLinePosition.Line);

        var spec = await workspace.CurrentSolution.GetAdditionalDocument(specId)!.GetTextAsync();
        var edited = spec.ToString().Replace("maxItems: 20", "maxItems: 5");
        Assert.NotEqual(spec.ToString(), edited);
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.WithAdditionalDocumentText(specId, SourceText.From(edited))));

        var after = workspace.CurrentSolution.GetProject(projectId)!;
        var generatedAfter = await GeneratedTextsAsync(after);
        Assert.Equal(generatedBefore.Length, generatedAfter.Length);
        Assert.NotEqual(generatedBefore, generatedAfter);
        Assert.Contains(generatedAfter, text => text.Contains("MaxItemsConstraint(\"target_ids\", 5)", StringComparison.Ordinal));

        var diagnosticsAfter = await AnalyzeAsync(after);
        Assert.Equal(
            new[] { (10, "target_ids has 21 items; the API accepts at most 5 per call"), (15, "target_ids has 6 items; the API accepts at most 5 per call") },
            diagnosticsAfter.Select(d => (d.Location.GetLineSpan().StartLinePosition.Line, d.GetMessage())).OrderBy(d => d.Line));
    }

    [Fact]
    public async Task Editorconfig_raises_a_rule_to_an_error_and_silences_it_as_the_IDE_reads_it()
    {
        using var workspace = new AdhocWorkspace();
        var (projectId, _, editorConfigId) = CreateConsumer(workspace, "root = true\n\n[*.cs]\ndotnet_diagnostic.IOTDA001.severity = error\n");

        var raised = Assert.Single(await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!));
        Assert.Equal(("IOTDA001", DiagnosticSeverity.Error), (raised.Id, raised.Severity));

        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.WithAnalyzerConfigDocumentText(editorConfigId, SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.IOTDA001.severity = none\n"))));
        Assert.Empty(await AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!));
    }

    private static (ProjectId Project, DocumentId Spec, DocumentId EditorConfig) CreateConsumer(AdhocWorkspace workspace, string editorConfig = "root = true\n")
    {
        var projectId = ProjectId.CreateNewId();
        var specId = DocumentId.CreateNewId(projectId);
        var editorConfigId = DocumentId.CreateNewId(projectId);
        var reference = new InstanceAnalyzerReference(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()),
            ImmutableArray.Create(new IoTDAGenerator().AsSourceGenerator()));
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                filePath: "/consumer/Consumer.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: GeneratedClient.ParseOptions,
                metadataReferences: TestProject.References,
                analyzerReferences: new[] { reference }))
            .AddDocument(DocumentId.CreateNewId(projectId), "Consumer.cs", SourceText.From(ConsumerCode), filePath: "/consumer/Consumer.cs")
            .AddAdditionalDocument(specId, "iotda.openapi.yaml", SourceText.From(TestProject.SpecText), filePath: TestProject.SpecPath)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(TestProject.GlobalConfig), filePath: "/consumer/.globalconfig")
            .AddAnalyzerConfigDocument(editorConfigId, ".editorconfig", SourceText.From(editorConfig), filePath: "/consumer/.editorconfig");
        Assert.True(workspace.TryApplyChanges(solution));
        return (projectId, specId, editorConfigId);
    }

    private static async Task<string[]> GeneratedTextsAsync(Project project)
    {
        var documents = await project.GetSourceGeneratedDocumentsAsync();
        var texts = await Task.WhenAll(documents.OrderBy(d => d.HintName, StringComparer.Ordinal).Select(async d => (await d.GetTextAsync()).ToString()));
        Assert.NotEmpty(texts);
        return texts;
    }

    /// <summary>What the IDE's diagnostic service does: the project's own analyzer references over its compilation.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(project.Language)).ToImmutableArray();
        return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }
}
