using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Formats;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/formats.openapi.yaml</c>: strings of format date-time,
/// date, uuid, uri, byte and int64 are DateTimeOffset, DateOnly, Guid, Uri, byte[] and long, on the wire as the spec
/// says, in JSON and as text.
/// </summary>
public class FormatTests
{
    private static readonly Guid EventId = Guid.Parse("3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c");

    private const string EventJson =
        """{"id":"3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c","at":"2024-05-01T08:30:00+08:00","link":"/docs/e 1","payload":"AQID","seen":["2024-05-01T00:00:00Z"],"note":"a@b.c"}""";

    private static FormatsClient Client(StubHandler handler) => new(new HttpClient(handler), new IoTDAClientOptions
    {
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task Formatted_parameters_go_out_as_RFC_3339_hyphenated_UUIDs_the_URI_as_given_and_base64()
    {
        var handler = StubHandler.Answering(EventJson);
        var second = Guid.Parse("00000000-0000-0000-0000-0000000000ff");

        await Client(handler).GetEventAsync(
            EventId, since: new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero), source: new Uri("https://example.com/a?b=c"),
            related: new[] { EventId, second }, xTrace: new byte[] { 1, 2, 3 });

        var request = Assert.Single(handler.Requests);
        var uri = request.Uri;
        Assert.Equal("/events/3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c", uri.AbsolutePath);
        Assert.Equal(
            "?since=2024-05-01T08:30:00Z&source=https://example.com/a?b=c&related=3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c&related=00000000-0000-0000-0000-0000000000ff",
            Uri.UnescapeDataString(uri.Query));
        Assert.Equal("AQID", request.Headers["X-Trace"]);
    }

    [Fact]
    public async Task A_response_reads_into_the_typed_members()
    {
        var read = await Client(StubHandler.Answering(EventJson)).GetEventAsync(EventId);

        Assert.Equal(EventId, read.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8)), read.At);
        Assert.False(read.Link!.IsAbsoluteUri);
        Assert.Equal("/docs/e 1", read.Link.OriginalString);
        Assert.Equal(new byte[] { 1, 2, 3 }, read.Payload);
        Assert.Equal(new[] { new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) }, read.Seen);
        Assert.Equal("a@b.c", read.Note);
    }

    [Fact]
    public async Task A_body_writes_the_typed_members_back_as_the_strings_the_spec_describes()
    {
        var handler = StubHandler.Answering(EventJson);
        var sent = new Event
        {
            Id = EventId,
            At = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8)),
            Link = new Uri("/docs/e 1", UriKind.Relative),
            Payload = new byte[] { 1, 2, 3 },
            Seen = new[] { new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) },
            Note = "a@b.c",
        };

        await Client(handler).CreateEventAsync(sent);

        Assert.Equal(
            """{"id":"3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c","at":"2024-05-01T08:30:00+08:00","link":"/docs/e 1","payload":"AQID","seen":["2024-05-01T00:00:00+00:00"],"note":"a@b.c"}""",
            Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task A_string_of_format_int64_is_a_long_that_goes_out_as_a_JSON_string_and_reads_from_either_form()
    {
        var handler = StubHandler.Answering(EventJson.Replace("}", ""","serial":"9007199254740993","parts":[1,"2"]}"""));

        var read = await Client(handler).GetEventAsync(EventId, after: 9007199254740993);
        await Client(handler).CreateEventAsync(new Event { Id = EventId, At = DateTimeOffset.UnixEpoch, Serial = long.MaxValue, Parts = new[] { -1L } });

        Assert.Equal(9007199254740993, read.Serial);
        Assert.Equal(new[] { 1L, 2L }, read.Parts);
        Assert.Equal("?after=9007199254740993", handler.Requests[0].Uri.Query);
        Assert.EndsWith(""","serial":"9223372036854775807","parts":["-1"]}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_string_of_format_date_is_a_DateOnly_in_JSON_and_as_text()
    {
        var handler = StubHandler.Answering(EventJson.Replace("}", ""","day":"2024-02-29","holidays":["2024-10-01"]}"""));

        var read = await Client(handler).GetEventAsync(EventId, on: new DateOnly(2024, 5, 1));
        await Client(handler).CreateEventAsync(new Event { Id = EventId, At = DateTimeOffset.UnixEpoch, Day = new DateOnly(2024, 12, 2), Holidays = new[] { new DateOnly(1, 1, 1) } });

        Assert.Equal(new DateOnly(2024, 2, 29), read.Day);
        Assert.Equal(new[] { new DateOnly(2024, 10, 1) }, read.Holidays);
        Assert.Equal("?on=2024-05-01", handler.Requests[0].Uri.Query);
        Assert.EndsWith(""","day":"2024-12-02","holidays":["0001-01-01"]}""", handler.Requests[1].Body);
    }

    [Theory]
    [InlineData("\"2024-5-1\"")]
    [InlineData("\"2024-05-01T00:00:00Z\"")]
    [InlineData("\"2023-02-29\"")]
    public async Task A_date_that_is_not_a_full_date_is_a_specific_error_that_does_not_repeat_it(string day)
    {
        var answer = EventJson.Replace("}", ""","day":""" + day + "}");

        var error = await Assert.ThrowsAsync<IoTDAException>(() => Client(StubHandler.Answering(answer)).GetEventAsync(EventId));

        Assert.Contains("a date (RFC 3339 full-date", error.Message);
        Assert.DoesNotContain(day.Trim('"'), error.Message);
    }

    [Theory]
    [InlineData("at", "\"yesterday\"", "a date and time")]
    [InlineData("id", "\"not-a-uuid\"", "a UUID")]
    [InlineData("payload", "\"%%%\"", "base64 bytes")]
    [InlineData("at", "20240501", "a date and time but found Number")]
    public async Task A_malformed_value_is_a_specific_error_that_does_not_repeat_it(string member, string json, string expected)
    {
        var answer = EventJson.Replace(member == "at" ? "\"2024-05-01T08:30:00+08:00\"" : member == "id" ? "\"3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c\"" : "\"AQID\"", json);

        var error = await Assert.ThrowsAsync<IoTDAException>(() => Client(StubHandler.Answering(answer)).GetEventAsync(EventId));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(json.Trim('"'), error.Message);
    }

    [Fact]
    public async Task A_string_of_a_format_without_a_type_keeps_its_string_rules()
    {
        var handler = StubHandler.Answering(EventJson);
        var tooLong = new Event { Id = EventId, At = DateTimeOffset.UnixEpoch, Note = new string('n', 41) + "@b.c" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).CreateEventAsync(tooLong));

        Assert.Contains("note", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void IoTDAText_writes_a_fraction_and_an_offset_only_when_there_is_one()
    {
        Assert.Equal("2024-05-01T08:30:00.5+08:00", IoTDAText.Format(new DateTimeOffset(2024, 5, 1, 8, 30, 0, 500, TimeSpan.FromHours(8))));
        Assert.Equal("2024-05-01T00:30:00Z", IoTDAText.Format(new DateTimeOffset(2024, 5, 1, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal("3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c", IoTDAText.Format(EventId));
    }
}
