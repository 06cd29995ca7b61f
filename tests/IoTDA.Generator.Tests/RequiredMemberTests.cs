using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Nulls;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/nulls.openapi.yaml</c>: an answer that lacks a member
/// the spec requires is an error naming it, not a model with that member unset; a <c>writeOnly</c> member is never
/// expected back, and a <c>readOnly</c> one is not asked of a request.
/// </summary>
public class RequiredMemberTests
{
    private const string Complete = """{"id":7,"name":"ann","owner":{"title":"t"},"roles":[],"nickname":null}""";

    private static (NullsClient Client, StubHandler Handler) Answering(string json)
    {
        var handler = StubHandler.Answering(json);
        return (new NullsClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    private static Account NewAccount() => new() { Name = "ann", Password = "secret", Owner = new Milestone(), Nickname = null };

    [Fact]
    public async Task An_answer_with_every_required_member_but_the_writeOnly_one_reads()
    {
        var (client, _) = Answering(Complete);

        var account = await client.CreateAccountAsync(NewAccount());

        Assert.Equal((7L, "ann", "t"), (account.Id!.Value, account.Name, account.Owner.Title));
        Assert.Null(account.Nickname);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("owner")]
    [InlineData("roles")]
    [InlineData("nickname")]
    public async Task An_answer_without_a_required_member_is_an_error_that_names_it(string member)
    {
        using var complete = System.Text.Json.JsonDocument.Parse(Complete);
        var without = "{" + string.Join(",", System.Linq.Enumerable.Select(
            System.Linq.Enumerable.Where(complete.RootElement.EnumerateObject(), p => p.Name != member), p => p.ToString())) + "}";
        var (client, _) = Answering(without);

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.CreateAccountAsync(NewAccount()));

        Assert.Contains("The JSON for Account has no '" + member + "' member, which the spec requires.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":7,"name":null,"owner":{},"roles":[],"nickname":null}""", "has null for 'name', which the spec does not let be null")]
    [InlineData("""{"id":null,"name":"ann","owner":{},"roles":[],"nickname":null}""", "has null for 'id', which the spec does not let be null")]
    [InlineData("""{"id":7,"name":"ann","owner":null,"roles":[],"nickname":null}""", "has null for 'owner', which the spec does not let be null")]
    [InlineData("null", "The JSON for Account is null, though the spec requires its member 'id'.")]
    public async Task A_JSON_null_for_a_required_member_that_may_not_be_null_is_an_error_that_names_it(string answer, string expected)
    {
        var (client, _) = Answering(answer);

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.CreateAccountAsync(NewAccount()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alternative_that_requires_a_writeOnly_member_still_reads_from_an_answer_without_it()
    {
        var (client, _) = Answering("""{"id":7,"name":"ann","owner":{"title":"t"},"roles":[],"nickname":null,"credential":{"user":"ann"}}""");

        var account = await client.CreateAccountAsync(NewAccount());

        Assert.Equal("ann", account.Credential!.AsLogin()!.User);
    }

    [Fact]
    public async Task A_request_leaves_the_readOnly_member_out_unless_it_was_set()
    {
        var (client, handler) = Answering(Complete);

        await client.CreateAccountAsync(NewAccount());

        Assert.Equal("""{"name":"ann","password":"secret","owner":{},"roles":[],"nickname":null}""", handler.Requests[0].Body);
        Assert.Null(typeof(Account).GetProperty(nameof(Account.Id))!.GetValue(new Account()));
    }

    [Fact]
    public void ReadOnly_holds_through_an_allOf_part_that_narrows_the_member_and_in_a_form_body()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: R, version: "1"}
            paths:
              /things:
                post:
                  operationId: addThing
                  requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
                  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}}
              /uploads:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content: {multipart/form-data: {schema: {$ref: "#/components/schemas/Base"}}}
                  responses: {"204": {description: ok}}
            components:
              schemas:
                Base:
                  type: object
                  required: [id, name]
                  properties: {id: {type: integer, format: int64, readOnly: true}, name: {type: string}}
                Thing:
                  allOf: [{$ref: "#/components/schemas/Base"}, {type: object, properties: {id: {type: integer, format: int64, description: Narrowed.}}}]
            """;

        var (_, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/r.yaml", spec, "R", "RClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var id = output.GetTypeByMetadataName("R.Thing")!.GetMembers("Id").OfType<Microsoft.CodeAnalysis.IPropertySymbol>().Single();
        Assert.Equal("long?", id.Type.ToDisplayString());
        var upload = output.GetTypeByMetadataName("R.RClient")!.GetMembers("UploadAsync").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();
        // An optional part is nullable (and defaults to null only after the required ones).
        Assert.Equal("long?", upload.Parameters.Single(p => p.Name == "id").Type.ToDisplayString());
        Assert.Equal("string", upload.Parameters.Single(p => p.Name == "name").Type.ToDisplayString());
    }

    [Theory]
    [InlineData(null, "", true)]
    [InlineData(false, "", false)]
    [InlineData(null, "x-iotda-huawei-cloud: true\n", false)]
    [InlineData(true, "x-iotda-huawei-cloud: true\n", true)]
    public void The_check_is_on_but_for_a_Huawei_Cloud_spec_and_the_item_may_say_otherwise(bool? metadata, string huawei, bool checks)
    {
        var spec = "openapi: 3.0.3\ninfo: {title: C, version: \"1\"}\n" + huawei + """
            paths:
              /things:
                get:
                  operationId: getThing
                  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}}
            components:
              schemas:
                Thing: {type: object, required: [name], properties: {name: {type: string}}}
            """;

        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/c.yaml", spec, "C", "CClient") { CheckRequiredInAnswers = metadata });

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var json = run.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("Json.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Equal(checks, json.Contains("EnsureRequired(seen, \"Thing\")", StringComparison.Ordinal));
    }
}
