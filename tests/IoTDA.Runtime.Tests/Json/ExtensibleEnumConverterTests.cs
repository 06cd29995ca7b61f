using System.Text.Json;
using System.Text.Json.Serialization;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Json;

/// <summary>The one converter every generated extensible enum names: the wire string in, the same string out.</summary>
public class ExtensibleEnumConverterTests
{
    [JsonConverter(typeof(ExtensibleEnumConverter<Colour>))]
    private readonly struct Colour : IExtensibleEnum<Colour>
    {
        private readonly string? _value;

        public Colour(string value) => _value = value;

        public override string ToString() => _value ?? string.Empty;

        Colour IExtensibleEnum<Colour>.FromWire(string value) => new Colour("read:" + value);
    }

    private sealed class Paint
    {
        [JsonPropertyName("colour")]
        public Colour Colour { get; set; }
    }

    [Fact]
    public void A_value_is_read_through_the_enums_own_FromWire_and_written_as_its_string()
    {
        var paint = JsonSerializer.Deserialize<Paint>("""{"colour":"teal"}""")!;

        Assert.Equal("read:teal", paint.Colour.ToString());
        Assert.Equal("""{"colour":"plum"}""", JsonSerializer.Serialize(new Paint { Colour = new Colour("plum") }));
        Assert.Equal("""{"colour":""}""", JsonSerializer.Serialize(new Paint()));
    }

    [Fact]
    public void A_JSON_null_reads_as_an_empty_value_and_a_number_is_refused()
    {
        Assert.Equal("read:", JsonSerializer.Deserialize<Paint>("""{"colour":null}""")!.Colour.ToString());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Paint>("""{"colour":5}"""));
    }
}
