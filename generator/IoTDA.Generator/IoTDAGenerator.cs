using System;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Emitting;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Generator;

/// <summary>
/// Generates a typed IoTDA client from each OpenAPI spec marked <c>OpenApiSpec="true"</c> among the additional
/// files. The pipeline: read the file, parse it into an equatable model, then emit source and report diagnostics
/// as two separate outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IoTDAGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // A bool, so that editing code (a new compilation each time) leaves everything after it cached.
        var hasDateOnly = context.CompilationProvider
            .Select(static (compilation, _) => CanUse(compilation, "System.DateOnly") && CanUse(compilation, "System.TimeOnly"));

        var project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecFileReader.ReadProjectSettings(options.GlobalOptions))
            .Combine(hasDateOnly)
            .Select(static (pair, _) => pair.Left with { DatesAsDateOnly = pair.Right })
            .WithTrackingName(TrackingNames.ProjectSettings);

        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SpecFileReader.IsSpec(pair.Right.GetOptions(pair.Left)))
            .WithTrackingName(TrackingNames.SpecItems)
            .Combine(project)
            .Select(static (pair, cancellationToken) =>
                SpecFileReader.Read(pair.Left.Left, pair.Left.Right.GetOptions(pair.Left.Left), pair.Right, cancellationToken)!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Select(static (file, cancellationToken) => SpecParser.Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Models);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (production, model) =>
        {
            if (model is null)
            {
                return;
            }

            try
            {
                foreach (var file in Emitter.Emit(model))
                {
                    production.AddSource(file.Key, SourceText.From(file.Value, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                production.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.GeneratorFailure,
                    Location.None,
                    model.HintPrefix,
                    exception.GetType().Name + ": " + exception.Message));
            }
        });

        context.RegisterSourceOutput(diagnostics, static (production, infos) =>
        {
            foreach (var info in infos)
            {
                production.ReportDiagnostic(DiagnosticFactory.Create(info));
            }
        });
    }

    /// <summary>The framework's type, not an internal copy of it in some referenced library (a netstandard polyfill).</summary>
    private static bool CanUse(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
}
