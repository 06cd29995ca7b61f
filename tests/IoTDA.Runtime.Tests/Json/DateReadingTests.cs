using System;
using System.Text;
using System.Text.Json;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Json;

/// <summary>A <c>format: date</c> value: an RFC 3339 full date exactly, read as a DateTime at midnight and written without a time.</summary>
public class DateReadingTests
{
    private static DateTime? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return IoTDAJson.ReadDate(ref reader);
    }

    [Fact]
    public void A_full_date_reads_as_midnight_of_no_time_zone_and_null_as_null()
    {
        Assert.Equal(new DateTime(2024, 2, 29), Read("\"2024-02-29\""));
        Assert.Equal(DateTimeKind.Unspecified, Read("\"2024-02-29\"")!.Value.Kind);
        Assert.Null(Read("null"));
    }

    [Theory]
    [InlineData("\"2024-5-1\"")]
    [InlineData("\"2024-05-01T00:00:00Z\"")]
    [InlineData("\"2023-02-29\"")]
    [InlineData("\" 2023-06-07\"")]
    [InlineData("20240501")]
    public void Anything_else_is_a_JSON_error_that_does_not_repeat_the_value(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Contains("date", error.Message);
        Assert.DoesNotContain(json.Trim('"'), error.Message);
    }

    [Fact]
    public void A_date_is_written_without_its_time_of_day()
    {
        Assert.Equal("0001-01-01", IoTDAText.FormatDate(DateTime.MinValue));
        Assert.Equal("2024-12-02", IoTDAText.FormatDate(new DateTime(2024, 12, 2, 23, 59, 59, DateTimeKind.Utc)));
    }
}
