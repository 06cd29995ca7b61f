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
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, json));
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

        Assert.Equal("""{"priority":3,"codes":[200],"escalation":5}""", handler.Requests[0].Body);
        Assert.Equal("?level=-1", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_number_the_spec_does_not_list_still_reads_as_that_value()
    {
        var (client, _) = Answering("""[{"priority":7,"codes":[100,300],"escalation":null}]""");

        var alarm = Assert.Single(await client.ListAlarmsAsync());

        Assert.Equal(7L, (long)alarm.Priority);
        Assert.Equal(new[] { Codes.Value100, (Codes)300 }, alarm.Codes);
        Assert.Null(alarm.Escalation);
    }
}
