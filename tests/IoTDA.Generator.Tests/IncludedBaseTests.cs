using System;
using System.Linq;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
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
