using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Unions;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/unions.openapi.yaml</c>: a oneOf or anyOf that no
/// discriminator tells apart reads whole into a union class, whose <c>AsX()</c> methods read it as one alternative
/// or answer null, and a union made from an alternative is sent and checked as that alternative.
/// </summary>
public class UnionTests
{
    private static (UnionsClient Client, StubHandler Handler) Answering(string json)
    {
        var handler = StubHandler.Answering(json);
        return (new UnionsClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    private static async Task<Card> ReadCard(string json) => await Answering(json).Client.PutCardAsync("c1", new Card());

    [Fact]
    public async Task An_object_reads_as_the_alternative_whose_required_members_it_holds_and_as_no_other()
    {
        var (client, _) = Answering("""{"number":"+86 10 1234","extension":12}""");

        var contact = await client.AddContactAsync(new Email { Address = "a@example.com" });

        Assert.Equal("+86 10 1234", contact.AsPhone()!.Number);
        Assert.Equal(12, contact.AsPhone()!.Extension);
        Assert.Null(contact.AsEmail());
        Assert.Equal("""{"number":"+86 10 1234","extension":12}""", contact.Json!.Value.GetRawText());
    }

    [Fact]
    public async Task A_union_made_from_an_alternative_is_sent_as_it_and_is_that_alternative_only()
    {
        var (client, handler) = Answering("{}");
        Contact contact = new Phone { Number = "1" };

        await client.AddContactAsync(new Email { Address = "a@example.com" });
        await client.AddContactAsync(contact);

        Assert.Equal("""{"address":"a@example.com"}""", handler.Requests[0].Body);
        Assert.Equal("""{"number":"1"}""", handler.Requests[1].Body);
        Assert.Null(contact.Json);
        Assert.Null(contact.AsEmail());
        Assert.Equal("1", contact.AsPhone()!.Number);
    }

    [Theory]
    [InlineData("""{"fax":"010 1234"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"number":"1","extension":"not a number"}""")]
    public async Task Json_that_is_no_alternative_still_reads_answers_null_when_asked_and_goes_back_unchanged(string json)
    {
        var (client, handler) = Answering(json);

        var contact = await client.AddContactAsync(new Email { Address = "a@example.com" });
        await client.AddContactAsync(contact);
        await client.AddContactAsync(new Contact(JsonDocument.Parse(json).RootElement));

        Assert.Null(contact.AsEmail());
        Assert.Null(contact.AsPhone());
        Assert.Equal(json, handler.Requests[1].Body);
        Assert.Equal(json, handler.Requests[2].Body);
    }

    [Theory]
    [InlineData("5", null, 5L, null, null)]
    [InlineData("\"5\"", "5", null, null, null)]
    [InlineData("true", null, null, true, null)]
    [InlineData("""["a","b"]""", null, null, null, "a,b")]
    public async Task A_value_reads_as_the_alternative_of_its_JSON_kind_only(string label, string? text, long? number, bool? flag, string? list)
    {
        var card = await ReadCard("""{"label":""" + label + "}");

        Assert.Equal(text, card.Label!.AsString());
        Assert.Equal(number, card.Label.AsInt64());
        Assert.Equal(flag, card.Label.AsBoolean());
        Assert.Equal(list, card.Label.AsStringList() is { } items ? string.Join(",", items) : null);
        Assert.Null(card.Label.AsCardLabelRange());
    }

    [Theory]
    [InlineData("7", 7L)]
    [InlineData("\"123\"", 123L)]
    [InlineData("\"seven\"", null)]
    public async Task A_long_written_as_a_number_or_as_a_string_reads_from_either(string count, long? expected)
    {
        var card = await ReadCard("""{"count":""" + count + "}");

        Assert.Equal(expected, card.Count!.AsInt64());
    }

    [Fact]
    public async Task An_alternative_written_in_place_is_a_class_named_for_its_title()
    {
        var range = await ReadCard("""{"label":{"from":1,"to":9}}""");
        var noFrom = await ReadCard("""{"label":{"to":9}}""");

        Assert.Equal(9, range.Label!.AsCardLabelRange()!.To);
        Assert.Null(noFrom.Label!.AsCardLabelRange());
        Assert.Null(range.Label.AsString());
    }

    [Fact]
    public async Task A_formatted_string_reads_as_its_format_only_when_it_is_one_and_an_untyped_alternative_stays_JSON()
    {
        var stamped = await ReadCard("""{"stamp":"2024-05-01T08:30:00Z"}""");
        var other = await ReadCard("""{"stamp":{"any":"thing"}}""");
        var notADate = await ReadCard("""{"stamp":"yesterday"}""");

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero), stamped.Stamp!.AsDateTimeOffset());
        Assert.Null(other.Stamp!.AsDateTimeOffset());
        Assert.Equal("thing", other.Stamp.Json!.Value.GetProperty("any").GetString());
        Assert.Null(notADate.Stamp!.AsDateTimeOffset());
    }

    [Fact]
    public async Task A_union_inside_a_union_and_unions_in_an_array_read_as_their_alternatives()
    {
        var card = await ReadCard("""{"nested":{"address":"a@example.com"},"tags":["a",1.5,null]}""");
        var byId = await ReadCard("""{"nested":"3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c"}""");

        Assert.Equal("a@example.com", card.Nested!.AsContact()!.AsEmail()!.Address);
        Assert.Null(card.Nested.AsGuid());
        Assert.Equal(Guid.Parse("3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c"), byId.Nested!.AsGuid());
        Assert.Null(byId.Nested.AsContact()!.AsEmail());
        Assert.Equal("a", card.Tags[0].AsString());
        Assert.Equal(1.5, card.Tags[1].AsDouble());
        Assert.Null(card.Tags[1].AsString());
        Assert.Equal(JsonValueKind.Null, card.Tags[2].Json!.Value.ValueKind);
    }

    [Fact]
    public async Task Each_alternative_is_checked_by_its_own_rules_before_anything_is_sent()
    {
        var (client, handler) = Answering("{}");

        var label = await Assert.ThrowsAsync<ArgumentException>(() => client.PutCardAsync("c1", new Card { Label = "too long" }));
        var address = await Assert.ThrowsAsync<ArgumentException>(() => client.PutCardAsync("c1", new Card { Primary = new Email { Address = new string('a', 41) } }));
        var body = await Assert.ThrowsAsync<ArgumentException>(() => client.AddContactAsync(new Email { Address = new string('a', 41) }));
        await client.PutCardAsync("c1", new Card { Label = "short", Tags = new CardTagsItem[] { "a", 2.5 } });

        Assert.Contains("label", label.Message);
        Assert.Contains("primary.address", address.Message);
        Assert.Contains("address", body.Message);
        Assert.Equal("""{"label":"short","tags":["a",2.5]}""", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task A_nullable_union_sends_null_once_assigned_and_nothing_when_never_assigned()
    {
        var (client, handler) = Answering("{}");

        await client.PutCardAsync("c1", new Card { Backup = null });
        await client.PutCardAsync("c1", new Card());
        await client.PutCardAsync("c1", new Card { Backup = new Phone { Number = "2" }, Label = new CardLabelRange { From = 1 } });

        Assert.Equal("""{"backup":null}""", handler.Requests[0].Body);
        Assert.Equal("{}", handler.Requests[1].Body);
        Assert.Equal("""{"backup":{"number":"2"},"label":{"from":1}}""", handler.Requests[2].Body);
    }

    [Fact]
    public void Unions_no_body_holds_unions_of_one_CSharp_type_twice_and_a_union_named_Json_all_compile()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: U, version: "1"}
            paths:
              /w:
                post:
                  operationId: putW
                  parameters:
                    - {name: c, in: query, schema: {$ref: "#/components/schemas/Contact"}}
                  requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/W"}}}}
                  responses: {"204": {description: ok}}
            components:
              schemas:
                Contact: {oneOf: [{$ref: "#/components/schemas/Email"}, {type: string, enum: [none]}]}
                Email: {type: object, required: [address], properties: {address: {type: string}}}
                Json: {oneOf: [{type: string}, {type: integer}]}
                Untyped: {oneOf: [{}, {type: object}]}
                W:
                  type: object
                  properties:
                    a: {$ref: "#/components/schemas/Ids"}
                    b: {$ref: "#/components/schemas/Ids"}
                    n: {anyOf: [{type: integer}, {type: string, format: int64}]}
                    p: {oneOf: [{type: string, pattern: "^[0-9]+$"}, {type: string, pattern: "^[a-z]+$"}, {type: integer}]}
                    j: {$ref: "#/components/schemas/Json"}
                    u: {$ref: "#/components/schemas/Untyped"}
                Ids: {type: array, items: {oneOf: [{type: string}, {type: integer}]}}
            """;

        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/u.yaml", spec, "U", "UClient"));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var w = output.GetTypeByMetadataName("U.W")!;
        string TypeOf(string name) => ((Microsoft.CodeAnalysis.IPropertySymbol)w.GetMembers(name).Single()).Type.ToDisplayString();
        Assert.Equal(TypeOf("A"), TypeOf("B"));
        Assert.Single(output.GetTypeByMetadataName("U.Wn")!.InstanceConstructors, c => c.Parameters.Single().Type.SpecialType == Microsoft.CodeAnalysis.SpecialType.System_Int64);
        Assert.NotEmpty(output.GetTypeByMetadataName("U.Json")!.GetMembers("JsonValue"));
        var json = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Json.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("Pattern(", json);
    }

    [Fact]
    public void Bad_values_are_refused_where_they_are_made_and_a_union_parameter_stays_a_string()
    {
        var undefined = Assert.Throws<ArgumentException>(() => new Contact(default(JsonElement)));
        Assert.Throws<ArgumentNullException>(() => new Contact((Email)null!));

        Assert.Contains("undefined", undefined.Message, StringComparison.OrdinalIgnoreCase);
        var filter = typeof(UnionsClient).GetMethod(nameof(UnionsClient.PutCardAsync))!.GetParameters().Single(p => p.Name == "filter");
        Assert.Equal(typeof(string), filter.ParameterType);
    }
}
