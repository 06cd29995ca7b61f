using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;
using Polymorphism;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/polymorphism.openapi.yaml</c>: a oneOf with a
/// discriminator is an abstract base with a sealed class per variant, read by the discriminator wherever it sits in
/// the object, written by its variant, and a kind the spec does not list kept whole as <c>Pet.Unknown</c>.
/// </summary>
public class PolymorphismTests
{
    /// <summary>A client of the spec whose every call is answered with <paramref name="json"/>, and the handler that recorded the calls.</summary>
    internal static (PolymorphismClient Client, StubHandler Handler) Answering(string json)
    {
        var handler = StubHandler.Answering(json);
        return (new PolymorphismClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    [Fact]
    public async Task Each_kind_reads_into_its_own_class_wherever_the_discriminator_sits()
    {
        const string json = """
            {"favourite":{"name":"Tom","petType":"cat","indoor":true},
             "pets":[{"bark":"woof","petType":"dog"},{"petType":"kitten","name":"Kit"},{"petType":"Lizard","unknown":3}]}
            """;
        var (client, _) = Answering(json);

        var owner = await client.GetOwnerAsync("o1");

        var cat = Assert.IsType<Cat>(owner.Favourite);
        Assert.Equal("Tom", cat.Name);
        Assert.True(cat.Indoor);
        Assert.Equal("woof", Assert.IsType<Dog>(owner.Pets[0]).Bark);
        Assert.Equal("Kit", Assert.IsType<Cat>(owner.Pets[1]).Name);
        Assert.Equal(3, Assert.IsType<Lizard>(owner.Pets[2]).Unknown);
    }

    [Theory]
    [InlineData("""{"petType":"parrot","words":["hello"]}""")]
    [InlineData("""{"words":["no kind at all"]}""")]
    [InlineData("""{"petType":7}""")]
    public async Task A_kind_the_spec_does_not_list_is_kept_whole_and_goes_back_unchanged(string pet)
    {
        var (client, handler) = Answering(pet);

        var read = await client.AddPetAsync(new Cat { Name = "Tom" });
        await client.AddPetAsync(read);

        var unknown = Assert.IsType<Pet.Unknown>(read);
        Assert.Equal(pet, unknown.Json.GetRawText());
        Assert.Equal(pet, handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_variant_sends_the_value_that_names_it_without_the_caller_setting_it()
    {
        var (client, handler) = Answering("""{"petType":"cat","name":"Tom"}""");

        await client.AddPetAsync(new Cat { Name = "Tom" });
        await client.AddPetAsync(new Dog { Bark = "woof" });
        await client.AddPetAsync(new Lizard());

        Assert.Equal("""{"petType":"cat","name":"Tom"}""", handler.Requests[0].Body);
        Assert.Equal("""{"petType":"dog","bark":"woof"}""", handler.Requests[1].Body);
        Assert.Equal("""{"petType":"Lizard"}""", handler.Requests[2].Body);
    }

    [Fact]
    public async Task A_variant_is_checked_by_its_own_rules_before_anything_is_sent()
    {
        var (client, handler) = Answering("{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.AddPetAsync(new Cat { Name = "a name far too long" }));

        Assert.Contains("name", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void The_base_is_abstract_its_variants_sealed_and_a_oneOf_with_a_part_that_is_not_an_object_is_a_union()
    {
        Assert.True(typeof(Pet).IsAbstract);
        Assert.All(new[] { typeof(Cat), typeof(Dog), typeof(Lizard), typeof(Pet.Unknown) }, type =>
        {
            Assert.True(type.IsSealed);
            Assert.Equal(typeof(Pet), type.BaseType);
        });
        Assert.NotNull(typeof(Shape).GetMethod("AsCat"));
        Assert.NotNull(typeof(Shape).GetMethod("AsString"));
    }

    [Fact]
    public void A_variants_member_keeps_its_name_even_where_it_hides_the_bases_nested_class()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.PolymorphismSpec);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.NotNull(typeof(Lizard).GetProperty("Unknown"));
    }

    private const string Variants = """
            Cat:
              type: object
              properties:
                petType: CAT_KIND
                name: {type: string}
            Dog:
              type: object
              properties:
                petType: {type: string}
        """;

    private static (INamedTypeSymbol? Base, Compilation Output, GeneratorDriverRunResult Run) Generate(string components, string catKind = "{type: string}", string answer = "Pet")
    {
        var spec = "openapi: 3.0.3\ninfo: {title: P, version: \"1\"}\npaths:\n  /pets:\n    get:\n      operationId: getPet\n" +
                   "      responses: {\"200\": {description: ok, content: {application/json: {schema: {$ref: \"#/components/schemas/" + answer + "\"}}}}}\n" +
                   "components:\n  schemas:\n" + components + "\n" + Variants.Replace("CAT_KIND", catKind);
        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/p.yaml", spec, "P", "PClient"));
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var type = output.GetTypeByMetadataName("P.PClient")!.GetMembers("GetPetAsync").OfType<IMethodSymbol>().Single().ReturnType;
        var pet = ((INamedTypeSymbol)type).TypeArguments[0] as INamedTypeSymbol;
        return (pet is { IsAbstract: true } ? pet : null, output, run);
    }

    private const string Pet = """
            Pet:
              oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
              discriminator: DISCRIMINATOR
        """;

    [Theory]
    [InlineData("{propertyName: petType, mapping: {Dog: \"#/components/schemas/Cat\"}}")]
    [InlineData("{propertyName: name}")]
    public void A_oneOf_whose_variants_cannot_all_be_told_apart_is_a_union_not_a_base(string discriminator)
    {
        var (pet, output, _) = Generate(Pet.Replace("DISCRIMINATOR", discriminator));

        Assert.Null(pet);
        Assert.NotEmpty(output.GetTypeByMetadataName("P.Pet")!.GetMembers("AsCat"));
        Assert.Null(output.GetTypeByMetadataName("P.Cat")!.BaseType?.GetMembers().OfType<INamedTypeSymbol>().FirstOrDefault());
    }

    [Fact]
    public void A_discriminator_that_is_not_a_string_makes_the_oneOf_a_union_not_a_base()
    {
        var (pet, output, _) = Generate(Pet.Replace("DISCRIMINATOR", "{propertyName: petType}"), catKind: "{type: integer}");

        Assert.Null(pet);
        Assert.NotEmpty(output.GetTypeByMetadataName("P.Pet")!.GetMembers("AsDog"));
    }

    [Fact]
    public void A_base_typed_object_a_base_named_Unknown_and_an_alias_before_it_all_generate()
    {
        var typedObject = Generate(Pet.Replace("DISCRIMINATOR", "{propertyName: petType}").Replace("oneOf:", "type: object\n      oneOf:"));
        // An alias listed first does not take the base's variants from it.
        var named = Generate("""
                Pet: {$ref: "#/components/schemas/Unknown"}
                Unknown:
                  oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
                  discriminator: {propertyName: petType}
            """, answer: "Unknown");

        Assert.NotNull(typedObject.Base);
        Assert.Equal("Unknown", named.Base!.Name);
        Assert.NotNull(named.Base.GetTypeMembers("UnknownKind").SingleOrDefault());
    }

    [Fact]
    public void A_variant_starts_as_the_value_its_own_enum_allows_and_a_nullable_discriminator_is_still_sent()
    {
        var (_, output, _) = Generate(
            Pet.Replace("DISCRIMINATOR", "{propertyName: petType, mapping: {kitten: \"#/components/schemas/Cat\", cat: \"#/components/schemas/Cat\"}}"),
            catKind: "{type: string, nullable: true, enum: [cat]}");

        var models = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Models.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("_PetType = new global::IoTDA.Runtime.Assignable<global::P.PetType?>(\"cat\");", models);
    }
}
