using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IntegerEnums;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/integer-enums.openapi.yaml</c>: an integer schema with
/// enum values is a C# enum over long, named by the spec or by the numbers, sent and read as the number.
/// </summary>
public class IntegerEnumTests
{
    private static (IntegerEnumsClient Client, StubHandler Handler) Answering(string json)
    {
        var handler = StubHandler.Answering(json);
        return (new IntegerEnumsClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    [Fact]
    public void Members_are_named_by_the_spec_or_by_their_numbers()
    {
        Assert.Equal(new[] { "Low", "Normal", "High" }, Enum.GetNames(typeof(Priority)));
        Assert.Equal(new[] { 1L, 2L, 3L }, Enum.GetValues(typeof(Priority)).Cast<Priority>().Select(p => (long)p));
        Assert.Equal(typeof(long), Enum.GetUnderlyingType(typeof(Priority)));
        Assert.Equal(new[] { "Value0", "Value5" }, Enum.GetNames(typeof(Escalation)));
        Assert.Equal(-1L, (long)Enum.Parse<Level>("ValueMinus1"));
        Assert.Equal(new[] { "Value0", "Value1", "ValueMinus1" }, Enum.GetNames(typeof(Level)).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Values_go_out_as_numbers_in_the_body_and_the_query()
    {
        var (client, handler) = Answering("[]");

        await client.RaiseAlarmAsync(new Alarm { Priority = Priority.High, Codes = new[] { Codes.Value200 }, Escalation = Escalation.Value5 });
        await client.ListAlarmsAsync(Level.ValueMinus1);

        Assert.Equal("""{"priority":3,"codes":[200],"escalation":5,"acknowledged":true}""", handler.Requests[0].Body);
        Assert.Equal("?level=-1", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_boolean_that_allows_one_value_starts_as_it_when_required_and_the_other_is_refused_before_sending()
    {
        var (client, handler) = Answering("[]");

        await client.RaiseAlarmAsync(new Alarm { Silent = false });
        await client.ListAlarmsAsync(active: true);
        var wrongMember = await Assert.ThrowsAsync<ArgumentException>(() => client.RaiseAlarmAsync(new Alarm { Silent = true }));
        var wrongStart = await Assert.ThrowsAsync<ArgumentException>(() => client.RaiseAlarmAsync(new Alarm { Acknowledged = false }));
        var wrongQuery = await Assert.ThrowsAsync<ArgumentException>(() => client.ListAlarmsAsync(active: false));

        Assert.Equal("""{"priority":0,"acknowledged":true,"silent":false}""", handler.Requests[0].Body);
        Assert.Equal("?active=true", handler.Requests[1].Uri.Query);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("'true' is not a valid silent; expected false", wrongMember.Message);
        Assert.Contains("'false' is not a valid acknowledged; expected true", wrongStart.Message);
        Assert.Contains("'false' is not a valid active", wrongQuery.Message);
    }

    [Fact]
    public async Task A_number_the_spec_does_not_list_still_reads_as_that_value()
    {
        var (client, _) = Answering("""[{"priority":7,"codes":[100,300],"escalation":null,"acknowledged":true}]""");

        var alarm = Assert.Single(await client.ListAlarmsAsync());

        Assert.Equal(7L, (long)alarm.Priority);
        Assert.Equal(new[] { Codes.Value100, (Codes)300 }, alarm.Codes);
        Assert.Null(alarm.Escalation);
    }

    [Fact]
    public void Names_from_the_spec_stay_with_their_values_past_nulls_and_repeats_and_never_hide_Enum_methods()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: E, version: "1"}
            paths:
              /a:
                get:
                  operationId: getA
                  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/A"}}}}}
              /b:
                get:
                  operationId: getB
                  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/B"}}}}}
            components:
              schemas:
                Switch: {type: integer, nullable: true, enum: [null, 0, 1, 1], x-enum-varnames: [None, Off, On, Again]}
                Odd: {type: integer, enum: [1, 2], x-enumNames: [ToString, HasFlag]}
                A: {type: object, properties: {status: {type: integer, enum: [0, 1], x-enum-varnames: [Off, On]}, switch: {$ref: "#/components/schemas/Switch"}, odd: {$ref: "#/components/schemas/Odd"}}}
                B: {type: object, properties: {status: {type: integer, enum: [0, 1], x-enum-varnames: [Idle, Busy]}}}
            """;

        var (run, output) = GeneratorHarness.Run(new IoTDA.Testing.SpecInput("/specs/e.yaml", spec, "E", "EClient"));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        string[] Members(string type) => output.GetTypeByMetadataName("E." + type)!.GetMembers().OfType<Microsoft.CodeAnalysis.IFieldSymbol>()
            .Where(f => f.HasConstantValue).Select(f => f.Name + "=" + f.ConstantValue).ToArray();
        Assert.Equal(new[] { "Off=0", "On=1" }, Members("Switch"));
        Assert.Equal(new[] { "ToStringValue=1", "HasFlagValue=2" }, Members("Odd"));
        Assert.Equal(new[] { "Off=0", "On=1" }, Members("AStatus"));
        Assert.Equal(new[] { "Idle=0", "Busy=1" }, Members("BStatus"));
    }
}
