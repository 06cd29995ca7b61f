using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.OpenApi.Readers;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The README's table of API groups is rendered from the bundled spec: each tag, how many operations carry it, and
/// its description. Regenerate it with <see cref="UpdateCommand"/>.
/// </summary>
public class ApiGroupsTableTests
{
    private const string UpdateCommand =
        "IOTDA_UPDATE_DOCS=1 dotnet test tests/IoTDA.Generator.Tests --filter Api_groups_table_matches_the_spec";

    [Fact]
    public void Api_groups_table_matches_the_spec()
    {
        var problem = GeneratedDocs.Check(
            Path.Combine(Repository.Root(), "README.md"),
            UpdateCommand,
            new[] { ("API groups", Render()) });
        Assert.True(problem is null, problem);
    }

    private static string Render()
    {
        var document = new OpenApiStringReader().Read(GeneratorHarness.BundledSpecText, out _);
        var operations = document.Paths.Values.SelectMany(path => path.Operations.Values).ToList();
        var table = new StringBuilder("| Group (tag) | Operations | What it covers |\n|---|---:|---|\n");
        foreach (var tag in document.Tags)
        {
            var count = operations.Count(operation => operation.Tags.Any(t => t.Name == tag.Name));
            table.Append(CultureInfo.InvariantCulture, $"| `{tag.Name}` | {count} | {tag.Description} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| **all** | **{operations.Count}** | |\n");
        return table.ToString();
    }
}
