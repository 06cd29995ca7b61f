using System;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// A multipart/form-data request body becomes parameters: files as <c>FilePart</c>, scalars as typed values, after the
/// path parameters and before query and header ones; what cannot be sent is IOTDA102.
/// </summary>
public class FormUploadTests
{
    private static (Diagnostic[] Diagnostics, Compilation Output) Run(string paths)
    {
        var spec = "openapi: 3.0.3\ninfo: {title: Forms, version: \"1\"}\npaths:\n" + paths;
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/forms.yaml", spec, "Forms", "FormsClient"));
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "IOTDA199");
        return (run.Diagnostics.ToArray(), output);
    }

    /// <summary>A POST /items whose form has the given properties (indented by 16 spaces) and, optionally, parameters.</summary>
    private static string FormOperation(string properties, string required = "[]", string extra = "", string mediaType = "multipart/form-data") =>
        "  /items:\n" +
        "    post:\n" +
        "      operationId: upload\n" +
        extra +
        "      requestBody:\n" +
        "        required: true\n" +
        "        content:\n" +
        "          " + mediaType + ":\n" +
        "            schema:\n" +
        "              type: object\n" +
        "              required: " + required + "\n" +
        "              properties:\n" +
        properties +
        "      responses:\n" +
        "        \"204\": {description: done}\n";

    private static IMethodSymbol Method(Compilation output, string name) =>
        (IMethodSymbol)Assert.Single(output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers(name));

    private static (string Name, string Type, bool Optional)[] Parameters(IMethodSymbol method) =>
        method.Parameters.Select(p => (p.Name, p.Type.ToDisplayString(), p.HasExplicitDefaultValue)).ToArray();

    [Fact]
    public void An_upload_becomes_typed_parameters_in_path_form_query_header_order_and_compiles()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.UploadsSpec);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var client = output.GetTypeByMetadataName("Uploads.UploadsClient")!;
        var firmware = (IMethodSymbol)client.GetMembers("UploadFirmwareAsync").Single();
        Assert.Equal(
            new[]
            {
                ("productId", "string", false), ("file", "IoTDA.Runtime.FilePart", false), ("version", "string", false),
                ("priority", "int?", true), ("channel", "Uploads.Channel?", true), ("signed", "bool?", true), ("ratio", "double?", true),
                ("tags", "System.Collections.Generic.IReadOnlyList<string>?", true), ("release", "Uploads.UploadFirmwareRelease?", true),
                ("dryRun", "bool?", true), ("instanceId", "string?", true), ("cancellationToken", "System.Threading.CancellationToken", true),
            },
            Parameters(firmware));
        Assert.Equal(
            new[] { "LengthConstraintAttribute", "PatternConstraintAttribute" },
            firmware.Parameters[2].GetAttributes().Select(a => a.AttributeClass!.Name));
        Assert.Equal("AllowedValuesConstraintAttribute", firmware.Parameters[4].GetAttributes().Single().AttributeClass!.Name);

        // IoTDA's own upload: project_id comes from the options, the optional body makes the file optional.
        var batchTaskFile = (IMethodSymbol)client.GetMembers("UploadBatchTaskFileAsync").Single();
        Assert.Equal(
            new[] { ("file", "IoTDA.Runtime.FilePart?", true), ("instanceId", "string?", true), ("cancellationToken", "System.Threading.CancellationToken", true) },
            Parameters(batchTaskFile));
        Assert.Equal("Uploads.UploadBatchTaskFileResponse", ((INamedTypeSymbol)batchTaskFile.ReturnType).TypeArguments[0].ToDisplayString());
    }

    [Fact]
    public void A_form_part_may_be_named_body_and_other_collisions_are_reported()
    {
        var (diagnostics, output) = Run(FormOperation(
            "                body: {type: string}\n                limit: {type: integer}\n                class: {type: string}\n",
            extra: "      parameters:\n        - {name: limit, in: query, schema: {type: integer}}\n"));

        Assert.Equal(new[] { "body", "limit2", "class", "limit", "cancellationToken" }, Method(output, "UploadAsync").Parameters.Select(p => p.Name));
        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("body", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "IOTDA106" && d.GetMessage().Contains("'limit2'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "IOTDA108");
    }

    [Fact]
    public void A_urlencoded_body_that_is_not_an_object_with_properties_is_raw_content_IOTDA116()
    {
        var paths = FormOperation("                name: {type: string}\n", mediaType: "application/x-www-form-urlencoded").Replace(
            "              type: object\n              required: []\n              properties:\n                name: {type: string}\n",
            "              type: string\n");
        var (diagnostics, output) = Run(paths);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "IOTDA116");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("media type application/x-www-form-urlencoded", diagnostic.GetMessage());
        var upload = (IMethodSymbol)output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers("UploadAsync").Single();
        Assert.Equal("System.IO.Stream", upload.Parameters.Single(p => p.Name == "body").Type.ToDisplayString());
    }

    [Fact]
    public void A_form_that_is_not_an_object_with_properties_is_IOTDA102()
    {
        var paths = FormOperation("                name: {type: string}\n").Replace(
            "              type: object\n              required: []\n              properties:\n                name: {type: string}\n",
            "              type: string\n              format: binary\n");

        var (diagnostics, output) = Run(paths);

        Assert.Contains("not an object with properties", Assert.Single(diagnostics, d => d.Id == "IOTDA102").GetMessage());
        Assert.Empty(output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers("UploadAsync"));
    }

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[files]", false)]
    public void A_part_of_several_files_is_IOTDA102_and_only_a_required_one_skips_the_operation(string required, bool generated)
    {
        var (diagnostics, output) = Run(FormOperation(
            "                note: {type: string}\n                files: {type: array, items: {type: string, format: binary}}\n", required));

        Assert.Contains("a part holding several files", Assert.Single(diagnostics, d => d.Id == "IOTDA102").GetMessage());
        var methods = output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers("UploadAsync");
        Assert.Equal(generated, methods.Length == 1);
        if (generated)
        {
            Assert.Equal(new[] { "note", "cancellationToken" }, ((IMethodSymbol)methods[0]).Parameters.Select(p => p.Name));
        }
    }

    [Fact]
    public void A_form_operation_is_not_paged()
    {
        var paths = FormOperation(
            "                file: {type: string, format: binary}\n",
            extra: "      x-iotda-page-marker: marker\n      parameters:\n        - {name: marker, in: query, schema: {type: string}}\n")
            .Replace("        \"204\": {description: done}\n", "        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  items: {type: array, items: {type: string}}\n                  marker: {type: string}\n");

        var (diagnostics, output) = Run(paths);

        Assert.Contains("multipart form", Assert.Single(diagnostics, d => d.Id == "IOTDA102").GetMessage());
        Assert.Single(output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers("UploadAsync"));
        Assert.Empty(output.GetTypeByMetadataName("Forms.FormsClient")!.GetMembers("UploadAllAsync"));
    }
}
