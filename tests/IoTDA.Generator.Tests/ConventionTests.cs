using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The conventions beyond plain OpenAPI (docs/generator.md) are turned on by the spec, never guessed: the
/// <c>project_id</c> fill-in only for a Huawei Cloud spec, batching only with every <c>x-iotda-batch-*</c> key.
/// </summary>
public class ConventionTests
{
    private static string Spec(string servers, string extensions = "", string bodyMember = "", string otherPaths = "") => $$$"""
        openapi: 3.0.3
        info: {title: Projects, version: "1"}
        {{{servers}}}
        paths:
          /v1/{project_id}/items:
            post:
              operationId: AddItems
              {{{extensions}}}
              parameters:
                - {name: project_id, in: path, required: true, schema: {type: string}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        ids: {type: array, maxItems: 5, items: {type: string}}
                        {{{bodyMember}}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          done: {type: array, items: {type: string}}
                          failed:
                            type: array
                            items:
                              type: object
                              properties:
                                id: {type: string}
                                code: {type: string}
                                msg: {type: string}
          {{{otherPaths}}}
        """;

    private const string BatchKeys = """
        x-iotda-batch-items: ids
              x-iotda-batch-successes: done
              x-iotda-batch-failures: failed
              x-iotda-batch-failure-id: id
              x-iotda-batch-failure-code: code
              x-iotda-batch-failure-message: msg
        """;

    private static (string Client, Diagnostic[] Diagnostics) Generate(string spec)
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/projects.yaml", spec, "Projects", "ProjectsClient"));
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var client = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".ProjectsClient.g.cs", System.StringComparison.Ordinal));
        return (client.SourceText.ToString(), run.Diagnostics.ToArray());
    }

    [Theory]
    [InlineData("servers: [{url: 'https://iotda.cn-north-4.myhuaweicloud.com'}]")]
    [InlineData("x-iotda-huawei-cloud: true")]
    public void A_Huawei_Cloud_spec_fills_project_id_from_the_options(string marker)
    {
        var (client, _) = Generate(Spec(marker));

        Assert.Contains("AddItemsAsync(global::Projects.AddItemsRequest body,", client);
        Assert.DoesNotContain("projectId", client);
    }

    [Theory]
    [InlineData("servers: [{url: 'https://api.example.com'}]")]
    [InlineData("servers: [{url: 'https://myhuaweicloud.com.example.org'}]")]
    [InlineData("servers: [{url: 'https://iotda.cn-north-4.myhuaweicloud.com'}]\nx-iotda-huawei-cloud: false")]
    public void Any_other_spec_keeps_project_id_as_a_parameter(string marker)
    {
        var (client, _) = Generate(Spec(marker));

        Assert.Contains("AddItemsAsync(string projectId, global::Projects.AddItemsRequest body,", client);
        Assert.Contains("__request.SetPathParameter(\"project_id\", projectId);", client);
    }

    [Fact]
    public void Batching_follows_the_keys_the_spec_states()
    {
        var (client, diagnostics) = Generate(Spec("", BatchKeys));

        Assert.DoesNotContain(diagnostics, d => d.Id == "IOTDA102");
        Assert.Contains("AddItemsInBatchesAsync(string projectId, global::System.Collections.Generic.IEnumerable<string> ids,", client);
        Assert.Contains("__result => __result.Done, __result => __result.Failed", client);
        Assert.Contains("__failure => __failure.Id, __failure => __failure.Code, __failure => __failure.Msg", client);
    }

    [Fact]
    public void An_inline_enum_takes_the_name_x_iotda_enum_name_gives_it_and_identical_ones_share_it()
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/modes.yaml", """
            openapi: 3.0.3
            info: {title: Modes, version: "1"}
            paths:
              /things:
                get:
                  operationId: ListThings
                  parameters:
                    - {name: mode, in: query, schema: {type: string, x-iotda-enum-name: ThingMode, enum: [on, off]}}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              mode: {type: string, x-iotda-enum-name: ThingMode, enum: [on, off]}
                              kinds: {type: array, items: {type: string, x-iotda-enum-name: ThingKind, enum: [a, b]}}
            """, "Modes", "ModesClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Empty(run.Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Modes.ThingMode"));
        Assert.NotNull(output.GetTypeByMetadataName("Modes.ThingKind"));
        Assert.Null(output.GetTypeByMetadataName("Modes.Mode"));
        Assert.Null(output.GetTypeByMetadataName("Modes.Kinds"));
    }

    [Theory]
    [InlineData("x-iotda-batch-successes: done", "successes")]
    [InlineData("x-iotda-batch-failure-message: msg", "failure-message")]
    public void Batching_without_one_of_its_keys_is_IOTDA102_naming_it_and_the_operation_stays(string dropped, string named)
    {
        var (client, diagnostics) = Generate(Spec("", BatchKeys.Replace(dropped, "x-other: 1")));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "IOTDA102");
        Assert.Contains("Batching of AddItems", diagnostic.GetMessage());
        Assert.Contains("x-iotda-batch-" + named, diagnostic.GetMessage());
        Assert.Contains("AddItemsAsync(", client);
        Assert.DoesNotContain("InBatchesAsync", client);
    }

    [Fact]
    public void Names_a_batching_method_claims_are_reported_when_taken()
    {
        const string otherOperation = """
            /v1/other:
                get:
                  operationId: AddItemsInBatches
                  responses: {"204": {description: done}}
            """;
        var (client, diagnostics) = Generate(Spec("", BatchKeys, bodyMember: "project_id: {type: string}", otherPaths: otherOperation));

        Assert.Contains("AddItemsInBatches2Async(string projectId, global::System.Collections.Generic.IEnumerable<string> ids, global::System.IProgress<global::IoTDA.Runtime.BatchProgress>? progress = null, string? projectId2 = null,", client);
        Assert.Contains("ProjectId = projectId2", client);
        var collisions = diagnostics.Where(d => d.Id == "IOTDA106").Select(d => d.GetMessage()).ToArray();
        Assert.Equal(2, collisions.Length);
        Assert.Contains(collisions, m => m.Contains("AddItemsInBatches2", System.StringComparison.Ordinal));
        Assert.Contains(collisions, m => m.Contains("projectId2", System.StringComparison.Ordinal));
    }
}
