using System.Text;
using System.Text.Json;
using Xunit;

namespace IoTDA.Runtime.Tests.Json;

/// <summary>Numbers read from JSON numbers and from JSON strings alike; anything else is a specific error.</summary>
public sealed class NumberReadingTests
{
    private delegate T? Read<T>(ref Utf8JsonReader reader)
        where T : struct;

    private static T? ReadOne<T>(string json, Read<T> read)
        where T : struct
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("\"11\"")]
    public void A_64_bit_integer_reads_from_a_number_or_a_string(string json) =>
        Assert.Equal(11L, ReadOne<long>(json, IoTDAJson.ReadInt64));

    [Fact]
    public void Every_numeric_kind_reads_from_a_string()
    {
        Assert.Equal(-7, ReadOne<int>("\"-7\"", IoTDAJson.ReadInt32));
        Assert.Equal(9007199254740993L, ReadOne<long>("\"9007199254740993\"", IoTDAJson.ReadInt64));
        Assert.Equal(0.25f, ReadOne<float>("\"0.25\"", IoTDAJson.ReadSingle));
        Assert.Equal(1e-3, ReadOne<double>("\"1e-3\"", IoTDAJson.ReadDouble));
        Assert.Null(ReadOne<long>("null", IoTDAJson.ReadInt64));
    }

    [Theory]
    [InlineData("\"eleven\"", "a 64-bit integer but found a string that is not one")]
    [InlineData("\"1.5\"", "a 64-bit integer but found a string that is not one")]
    [InlineData("true", "a 64-bit integer but found True")]
    public void Anything_else_is_an_error_that_names_what_was_expected_but_not_the_value(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => ReadOne<long>(json, IoTDAJson.ReadInt64));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("eleven", error.Message);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"1e400\"")]
    public void A_string_that_is_not_a_finite_number_is_an_error(string json)
    {
        var error = Assert.Throws<JsonException>(() => ReadOne<double>(json, IoTDAJson.ReadDouble));

        Assert.Contains("a finite number", error.Message);
    }
}
