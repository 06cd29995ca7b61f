using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Turns one spec file into its final <see cref="SpecModel"/>: read the document, then build the model. Nothing from
/// Microsoft.OpenApi leaves the parsing room.
/// </summary>
internal static class SpecParser
{
    /// <summary>Parses the spec; never throws except for cancellation.</summary>
    public static ParseResult Parse(SpecFile file, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticSink(new SpecLocator(file.Path, file.Text));
        try
        {
            var read = SpecReader.Read(file, diagnostics);
            if (read is null)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            cancellationToken.ThrowIfCancellationRequested();
            TagSelection.Apply(read.Document, file, diagnostics);
            if (!file.AllSchemas)
            {
                ReportUnused(SchemaReach.RemoveUnreached(read.Document), file, diagnostics);
            }

            // Inline enums are named once every schema has claimed its name (identical ones share a type, and a
            // schema wins a name over an enum). The first build names each after its member; only when the naming
            // changes one of those names is the spec built again, with the final names reserved from the start.
            var survey = new ModelBuilder(file, read, diagnostics.Fork(), plan: null, cancellationToken);
            var model = survey.Build();
            if (survey.InlineEnumPlan is { } plan)
            {
                model = new ModelBuilder(file, read, diagnostics, plan, cancellationToken).Build();
            }
            else
            {
                diagnostics.AddRange(survey.Diagnostics);
            }

            return new ParseResult(model, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Report(
                DiagnosticDescriptors.GeneratorFailure,
                null,
                Path.GetFileName(file.Path),
                exception.GetType().Name + ": " + exception.Message + InnermostFrame(exception));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>
    /// One info for the spec, at the first unused schema: a type the user looks for and does not find. Not under a
    /// tag selection, which asked to leave out the schemas of the operations it leaves out.
    /// </summary>
    private static void ReportUnused(List<string> keys, SpecFile file, DiagnosticSink diagnostics)
    {
        const int Named = 5;
        if (keys.Count == 0 || file.Tags.Count > 0)
        {
            return;
        }

        var names = string.Join(", ", keys.Take(Named)) + (keys.Count > Named ? " and " + (keys.Count - Named) + " more" : "");
        diagnostics.Report(DiagnosticDescriptors.UnusedSchemas, ModelBuilder.ComponentPointer(keys[0]),
            Path.GetFileName(file.Path), keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), names);
    }

    /// <summary>Where it failed, so a bug report carries it even without the spec.</summary>
    private static string InnermostFrame(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(frame) ? "" : " (" + frame + ")";
    }
}
