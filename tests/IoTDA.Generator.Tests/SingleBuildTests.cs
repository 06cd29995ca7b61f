using System.Threading;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;
using IoTDA.Generator.Tests.Infrastructure;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The bundled spec names every inline enum whose property name alone would clash (<c>x-iotda-enum-name</c>), so its
/// enums keep the names a first model build gives them and the spec is built once per run, not twice: on a spec of
/// 173 operations the second build was a fifth of a warm run.
/// </summary>
public class SingleBuildTests
{
    [Fact]
    public void The_bundled_spec_needs_no_second_model_build_to_name_its_enums()
    {
        var text = GeneratorHarness.BundledSpecText;
        var file = new SpecFile(GeneratorHarness.BundledSpecPath, text, "IoTDA", "IoTDAClient", false, null, EquatableArray<string>.Empty);
        var diagnostics = new DiagnosticSink(new SpecLocator(file.Path, text));
        var read = SpecReader.Read(file, diagnostics)!;

        var survey = new ModelBuilder(file, read, diagnostics.Fork(), plan: null, CancellationToken.None);
        var model = survey.Build();

        Assert.Null(survey.InlineEnumPlan);
        Assert.NotNull(model);
    }
}
