using System.Text.Json;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Json;

/// <summary>How a union's JSON is read as one alternative: by its kind, its required members and its form, never by throwing.</summary>
public class AlternativeReadingTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static bool ReadsAsInt32(JsonElement? json, JsonValueKind kind, out int value) =>
        IoTDAJson.TryReadAlternative(json, kind, (ref Utf8JsonReader reader) => IoTDAJson.ReadInt32Item(ref reader), out value);

    [Theory]
    [InlineData("7", true, 7)]
    [InlineData("\"7\"", false, 0)]
    [InlineData("2147483648", false, 0)]
    [InlineData("1.5", false, 0)]
    [InlineData("null", false, 0)]
    public void A_number_reads_only_from_a_JSON_number_that_fits(string json, bool reads, int expected)
    {
        Assert.Equal(reads, ReadsAsInt32(Parse(json), JsonValueKind.Number, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void No_JSON_reads_as_nothing_and_undefined_stands_for_any_kind()
    {
        Assert.False(ReadsAsInt32(null, JsonValueKind.Number, out _));
        Assert.True(ReadsAsInt32(Parse("\"7\""), JsonValueKind.Undefined, out var fromString));
        Assert.Equal(7, fromString);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("1", false)]
    public void True_stands_for_either_boolean(string json, bool reads)
    {
        var read = IoTDAJson.TryReadAlternative(Parse(json), JsonValueKind.True, (ref Utf8JsonReader reader) => IoTDAJson.ReadBooleanItem(ref reader), out _);

        Assert.Equal(reads, read);
    }

    [Theory]
    [InlineData("""{"a":1,"b":null}""", true)]
    [InlineData("""{"a":1}""", false)]
    [InlineData("""{"b":2,"c":3}""", false)]
    public void An_object_reads_only_when_it_holds_every_required_member(string json, bool reads)
    {
        var read = IoTDAJson.TryReadAlternative(
            Parse(json), JsonValueKind.Object, (ref Utf8JsonReader reader) => IoTDAJson.ReadElement(ref reader).GetRawText(), out var text, "a", "b");

        Assert.Equal(reads, read);
        Assert.Equal(reads ? json : null, text);
    }
}
