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
/// The <c>allOf</c> form of polymorphism, from <c>Specs/polymorphism.openapi.yaml</c>: <c>Vehicle</c> has members and a
/// discriminator, and <c>Car</c>, <c>Truck</c> and <c>Bicycle</c> include it, so they derive from it and declare only
/// their own members; <c>Tram</c> narrows a shared member and stays a class of its own.
/// </summary>
public class IncludedBaseTests
{
    private static (PolymorphismClient Client, StubHandler Handler) Answering(string json) => PolymorphismTests.Answering(json);

    [Fact]
    public async Task Each_kind_reads_into_its_class_with_the_shared_members_and_another_kind_keeps_them_too()
    {
        const string json = """
            [{"wheels":4,"kind":"car","seats":5,"plate":"AB-12"},
             {"kind":"lorry","wheels":6,"payload":7.5},
             {"kind":"Bicycle","wheels":2,"bell":true},
             {"kind":"Tram","wheels":8,"plate":null}]
            """;
        var (client, _) = Answering(json);

        var vehicles = await client.ListVehiclesAsync();

        var car = Assert.IsType<Car>(vehicles[0]);
        Assert.Equal((4L, 5L, "AB-12"), (car.Wheels, car.Seats!.Value, car.Plate));
        var truck = Assert.IsType<Truck>(vehicles[1]);
        Assert.Equal((6L, 7.5), (truck.Wheels, truck.Payload));
        Assert.True(Assert.IsType<Bicycle>(vehicles[2]).Bell);
        // Tram derives from nothing, so its kind is one the base does not know: kept whole, shared members read.
        var tram = Assert.IsType<Vehicle.UnknownKind>(vehicles[3]);
        Assert.Equal("""{"kind":"Tram","wheels":8,"plate":null}""", tram.Json.GetRawText());
        Assert.Equal(8, tram.Wheels);
    }

    [Fact]
    public async Task A_kind_sends_its_value_and_the_shared_members_without_the_caller_naming_it()
    {
        var (client, handler) = Answering("""{"kind":"car","wheels":4}""");

        await client.RegisterVehicleAsync(new Car { Wheels = 4, Seats = 2, Plate = null });
        await client.RegisterVehicleAsync(new Truck { Wheels = 6, Payload = 1.5 });

        Assert.Equal("""{"kind":"car","wheels":4,"plate":null,"seats":2}""", handler.Requests[0].Body);
        Assert.Equal("""{"kind":"lorry","wheels":6,"payload":1.5}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_unknown_kind_goes_back_with_its_shared_members_as_set_and_the_rest_as_it_came()
    {
        var (client, handler) = Answering("""{"kind":"boat","wheels":3,"plate":"OLD","sails":2}""");

        var boat = Assert.IsType<Vehicle.UnknownKind>(await client.RegisterVehicleAsync(new Car { Wheels = 4 }));
        boat.Plate = "NEW";
        await client.RegisterVehicleAsync(boat);

        Assert.Equal(3, boat.Wheels);
        Assert.Equal("""{"wheels":3,"plate":"NEW","kind":"boat","sails":2}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_unknown_kind_made_from_JSON_reads_the_shared_members_from_it_and_sends_them_back()
    {
        var (client, handler) = Answering("""{"kind":"car","wheels":4}""");
        using var json = JsonDocument.Parse("""{"kind":"boat","wheels":3,"plate":"AB"}""");

        var boat = new Vehicle.UnknownKind(json.RootElement.Clone());
        await client.RegisterVehicleAsync(boat);

        Assert.Equal((3L, "AB"), (boat.Wheels, boat.Plate));
        Assert.Equal("""{"wheels":3,"plate":"AB","kind":"boat"}""", handler.Requests[0].Body);
        var wrongType = JsonDocument.Parse("""{"kind":"boat","wheels":"three"}""").RootElement;
        Assert.Throws<JsonException>(() => new Vehicle.UnknownKind(wrongType));
    }

    [Fact]
    public async Task A_caller_may_make_an_unknown_kind_without_a_required_shared_member_but_an_answer_may_not_lack_it()
    {
        var (client, _) = Answering("""{"kind":"boat","sails":2}""");

        var made = new Vehicle.UnknownKind(JsonDocument.Parse("""{"kind":"boat","sails":2}""").RootElement);
        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.RegisterVehicleAsync(new Car { Wheels = 4 }));

        Assert.Equal(0, made.Wheels);
        Assert.Contains("The JSON for Vehicle has no 'wheels' member", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_or_other_non_object_where_a_vehicle_stands_is_kept_and_goes_back_as_it_came()
    {
        var handler = new StubHandler((_, call) => StubHandler.Json(HttpStatusCode.OK, call == 1 ? """[null,"text"]""" : "null"));
        var client = new PolymorphismClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } });

        var vehicles = await client.ListVehiclesAsync();
        await client.RegisterVehicleAsync(vehicles[1]);

        Assert.Equal(JsonValueKind.Null, Assert.IsType<Vehicle.UnknownKind>(vehicles[0]).Json.ValueKind);
        Assert.Equal(0, vehicles[1].Wheels);
        Assert.Equal("\"text\"", handler.Requests[1].Body);
    }

    [Theory]
    [InlineData("car")]
    [InlineData("unknown kind")]
    public async Task The_shared_rules_hold_for_every_kind_before_anything_is_sent(string kind)
    {
        var (client, handler) = Answering("""{"kind":"boat","wheels":3}""");
        Vehicle vehicle = kind == "car"
            ? new Car { Wheels = 0 }
            : (Vehicle)Assert.IsType<Vehicle.UnknownKind>(await client.RegisterVehicleAsync(new Car { Wheels = 1 }));
        vehicle.Wheels = 0;
        var sentBefore = handler.Requests.Count;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RegisterVehicleAsync(vehicle));

        Assert.Contains("wheels", error.Message);
        Assert.Equal(sentBefore, handler.Requests.Count);
    }

    [Fact]
    public void The_base_declares_the_shared_members_and_each_kind_only_its_own()
    {
        Assert.True(typeof(Vehicle).IsAbstract);
        Assert.All(new[] { typeof(Car), typeof(Truck), typeof(Bicycle), typeof(Vehicle.UnknownKind) }, type => Assert.Equal(typeof(Vehicle), type.BaseType));
        Assert.Equal(typeof(Vehicle), typeof(Car).GetProperty(nameof(Car.Wheels))!.DeclaringType);
        Assert.Equal(typeof(Car), typeof(Car).GetProperty(nameof(Car.Kind))!.DeclaringType);
        Assert.Null(typeof(Vehicle).GetProperty("Kind"));
        Assert.Equal(typeof(object), typeof(Tram).BaseType);
    }

    private static Compilation Generate(string components)
    {
        var spec = "openapi: 3.0.3\ninfo: {title: P, version: \"1\"}\npaths:\n  /pets:\n    get:\n      operationId: getPet\n" +
                   "      responses: {\"200\": {description: ok, content: {application/json: {schema: {$ref: \"#/components/schemas/Pet\"}}}}}\n" +
                   "components:\n  schemas:\n" + components;
        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/p.yaml", spec, "P", "PClient"));
        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        return output;
    }

    [Fact]
    public void A_kind_that_includes_two_bases_derives_from_the_first_and_a_base_that_includes_another_heads_its_own()
    {
        var output = Generate("""
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, name: {type: string}}
                  discriminator: {propertyName: petType}
                Tagged:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, tag: {type: string}}
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: "#/components/schemas/Pet"}, {$ref: "#/components/schemas/Tagged"}]
                Dog:
                  allOf: [{$ref: "#/components/schemas/Pet"}, {required: [kind], properties: {kind: {type: string}}}]
                  discriminator: {propertyName: kind}
                Puppy:
                  allOf: [{$ref: "#/components/schemas/Dog"}]
            """);

        Assert.Equal("Pet", output.GetTypeByMetadataName("P.Cat")!.BaseType!.Name);
        Assert.True(output.GetTypeByMetadataName("P.Pet")!.IsAbstract);
        // Cat went to Pet, so Tagged has no kind to head.
        Assert.False(output.GetTypeByMetadataName("P.Tagged")!.IsAbstract);
        // C# classes have one base: Dog heads Puppy, so it is not also a kind of Pet.
        var dog = output.GetTypeByMetadataName("P.Dog")!;
        Assert.True(dog.IsAbstract);
        Assert.Equal("Object", dog.BaseType!.Name);
        Assert.Equal("Dog", output.GetTypeByMetadataName("P.Puppy")!.BaseType!.Name);
    }

    [Fact]
    public void A_kind_that_repeats_the_discriminator_derives_and_a_shared_member_named_Json_is_hidden_inside_Unknown()
    {
        var output = Generate("""
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, json: {type: string}}
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: "#/components/schemas/Pet"}, {properties: {meow: {type: boolean}}}]
                  discriminator: {propertyName: petType}
            """);

        Assert.Equal("Pet", output.GetTypeByMetadataName("P.Cat")!.BaseType!.Name);
        Assert.Equal("JsonElement", output.GetTypeByMetadataName("P.Pet+Unknown")!.GetMembers("Json").OfType<IPropertySymbol>().Single().Type.Name);
    }

    [Theory]
    [InlineData("x-iotda-page-marker: marker", "Paging of listItems")]
    [InlineData("x-iotda-batch-items: ids\n      x-iotda-batch-successes: done\n      x-iotda-batch-failures: failed\n      x-iotda-batch-failure-id: id\n      x-iotda-batch-failure-code: code\n      x-iotda-batch-failure-message: message", "Batching of listItems")]
    public void Paging_and_batching_refuse_a_body_that_is_a_base_as_they_could_not_make_it_again(string extension, string refused)
    {
        var spec = """
            openapi: 3.0.3
            info: {title: P, version: "1"}
            paths:
              /items:
                post:
                  operationId: listItems
                  EXTENSION
                  requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Query"}}}}
                  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Page"}}}}}
            components:
              schemas:
                Query:
                  type: object
                  required: [kind]
                  properties: {kind: {type: string}, marker: {type: string}, ids: {type: array, maxItems: 5, items: {type: string}}}
                  discriminator: {propertyName: kind}
                ByName:
                  allOf: [{$ref: "#/components/schemas/Query"}, {properties: {name: {type: string}}}]
                Page:
                  type: object
                  properties:
                    items: {type: array, items: {type: string}}
                    marker: {type: string}
                    done: {type: array, items: {type: string}}
                    failed: {type: array, items: {type: object, properties: {id: {type: string}, code: {type: string}, message: {type: string}}}}
            """.Replace("EXTENSION", extension);

        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/q.yaml", spec, "Q", "QClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Assert.Contains(run.Diagnostics, d => d.Id == "IOTDA102" && d.GetMessage().Contains(refused, StringComparison.Ordinal) && d.GetMessage().Contains("abstract base", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_with_no_kind_that_may_derive_from_it_stays_a_plain_class()
    {
        var output = Generate("""
                Pet:
                  type: object
                  required: [petType, name]
                  properties: {petType: {type: string}, name: {type: string}}
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: "#/components/schemas/Pet"}, {properties: {name: {type: integer}}}]
                Dog:
                  allOf: [{$ref: "#/components/schemas/Pet"}, {properties: {petType: {type: integer}}}]
            """);

        Assert.False(output.GetTypeByMetadataName("P.Pet")!.IsAbstract);
        Assert.Equal("Object", output.GetTypeByMetadataName("P.Cat")!.BaseType!.Name);
    }
}
