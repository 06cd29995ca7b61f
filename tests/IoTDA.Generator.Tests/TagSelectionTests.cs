using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// An item's <c>Tags</c> metadata keeps the operations carrying one of those tags and the schemas they reach, without
/// an IOTDA119 for the rest; a tag no operation carries is IOTDA114, naming the item and the spec's tags.
/// </summary>
public class TagSelectionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Shop, version: "1"}
        tags:
          - name: Declared
        paths:
          /pets:
            get:
              operationId: ListPets
              tags: [Pets]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/PetList"}
          /orders:
            post:
              operationId: PlaceOrder
              tags: [Orders]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Order"}
              responses:
                "204": {description: ok}
          /health:
            get:
              operationId: Health
              responses:
                "204": {description: ok}
        components:
          schemas:
            PetList:
              type: object
              properties:
                pets: {type: array, items: {$ref: "#/components/schemas/Pet"}}
            Pet:
              type: object
              properties:
                tag: {$ref: "#/components/schemas/Label"}
            Order:
              type: object
              properties:
                label: {$ref: "#/components/schemas/Label"}
            Label:
              type: object
              properties:
                text: {type: string}
            Unused:
              type: object
              properties:
                x: {type: string}
        """;

    private static (GeneratorDriverRunResult Run, Compilation Output) Generate(string? tags) =>
        GeneratorHarness.Run(new SpecInput("/specs/shop.yaml", Spec, "Shop", "ShopClient", tags));

    private static string[] TypeNames(Compilation output) =>
        output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Shop" && t.ContainingType is null)
            .Select(t => t.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();

    private static string[] ClientMethods(Compilation output) =>
        output.GetTypeByMetadataName("Shop.IShopClient")!.GetMembers().OfType<IMethodSymbol>()
            .Select(m => m.Name).Where(n => !n.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_selected_tag_keeps_its_operations_and_the_schemas_they_reach()
    {
        var (run, output) = Generate("pets");

        Assert.Equal(new[] { "ListPetsAsync" }, ClientMethods(output));
        Assert.Equal(new[] { "IShopClient", "Label", "Pet", "PetList", "ShopClient" }, TypeNames(output).Where(n => !n.EndsWith("Json", System.StringComparison.Ordinal)).ToArray());
        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void Several_tags_are_a_list_and_no_tags_keep_every_operation()
    {
        var (_, both) = Generate(" Pets ; Orders ;");
        var (_, all) = Generate(null);

        Assert.Equal(new[] { "ListPetsAsync", "PlaceOrderAsync" }, ClientMethods(both));
        Assert.Equal(new[] { "HealthAsync", "ListPetsAsync", "PlaceOrderAsync" }, ClientMethods(all));
        Assert.Contains("Order", TypeNames(both));
        Assert.DoesNotContain("Order", TypeNames(Generate("Pets").Output));
    }

    [Fact]
    public void AllSchemas_keeps_the_schemas_of_the_operations_a_selection_leaves_out()
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/shop.yaml", Spec, "Shop", "ShopClient", "Pets") { AllSchemas = true });

        Assert.Equal(new[] { "ListPetsAsync" }, ClientMethods(output));
        Assert.Contains("Order", TypeNames(output));
        Assert.Contains("Unused", TypeNames(output));
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void An_unknown_tag_is_IOTDA114_naming_the_item_and_the_known_tags()
    {
        var (run, output) = Generate("Pets;Petz");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("IOTDA114", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/specs/shop.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(
            "The OpenApiSpec item 'shop.yaml' selects the tag 'Petz', which no operation in the spec carries; the spec's tags are: Pets, Orders, Declared",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "ListPetsAsync" }, ClientMethods(output));
    }

    [Fact]
    public void The_bundled_spec_with_Tags_Devices_has_the_device_operations_and_none_of_the_others()
    {
        var (run, output) = GeneratorHarness.Run(SpecInput.Bundled(GeneratorHarness.BundledSpecPath, GeneratorHarness.BundledSpecText, "Devices"));
        var devices = new[]
        {
            "AddDevice", "ChangeGateway", "DeleteDevice", "FreezeDevice", "ListDeviceGroupsByDevice", "ListDevices", "ResetDeviceSecret",
            "ResetFingerprint", "SearchDevices", "ShowDevice", "UnfreezeDevice", "UpdateDevice",
        };

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var operations = output.GetTypeByMetadataName("IoTDA.IIoTDAClient")!.GetMembers().OfType<IMethodSymbol>()
            .Select(m => m.Name).Where(n => !n.EndsWith("AllAsync", System.StringComparison.Ordinal) && !n.EndsWith("WithResponseAsync", System.StringComparison.Ordinal))
            .Select(n => n.Substring(0, n.Length - "Async".Length)).OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(devices, operations);
        Assert.Null(output.GetTypeByMetadataName("IoTDA.CreateProductRequestBody"));
        Assert.Null(output.GetTypeByMetadataName("IoTDA.DevicePolicy"));
    }
}
