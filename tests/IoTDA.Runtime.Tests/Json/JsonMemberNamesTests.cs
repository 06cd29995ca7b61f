using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Json;

public class JsonMemberNamesTests
{
    private static readonly JsonMemberNames Names = new("app_id", "policy_id", "statement");

    [Theory]
    [InlineData("{\"app_id\":1,\"policy_id\":2,\"statement\":3}", "0=1 1=2 2=3")]
    [InlineData("{\"statement\":3,\"app_id\":1,\"policy_id\":2}", "2=3 0=1 1=2")]
    [InlineData("{\"other\":{\"app_id\":9},\"policy_id\":2,\"policy_id\":5}", "-1={\"app_id\":9} 1=2 1=5")]
    [InlineData("{\"app\\u005fid\":1,\"APP_ID\":2}", "0=1 -1=2")]
    [InlineData("{}", "")]
    public void Next_names_each_member_by_its_position_and_leaves_the_reader_on_its_value(string json, string expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var seen = new List<string>();
        var member = -1;
        while (Names.Next(ref reader, ref member))
        {
            using var value = JsonDocument.ParseValue(ref reader);
            seen.Add(member + "=" + value.RootElement.GetRawText());
        }

        Assert.Equal(expected, string.Join(" ", seen));
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Theory]
    [InlineData(-7)]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Any_previous_position_still_finds_the_member(int previous)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"policy_id\":2}"));
        reader.Read();
        var member = previous;

        Assert.True(Names.Next(ref reader, ref member));
        Assert.Equal(1, member);
    }

    [Fact]
    public void The_writer_gets_each_name_escaped_once()
    {
        var names = new JsonMemberNames("plain", "quote\"d", "日本");
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber(names[0], 1);
            writer.WriteNumber(names[1], 2);
            writer.WriteNumber(names[2], 3);
            writer.WriteEndObject();
        }

        using var written = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(new[] { "plain", "quote\"d", "日本" }, EnumerateNames(written.RootElement));
    }

    [Fact]
    public void A_name_with_no_UTF8_form_never_matches_and_the_others_still_do()
    {
        var names = new JsonMemberNames("lone\uD800", "ok");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"lone\\uD800\":1,\"ok\":2}"));
        reader.Read();
        var seen = new List<int>();
        var member = -1;
        while (names.Next(ref reader, ref member))
        {
            seen.Add(member);
            reader.Skip();
        }

        Assert.Equal(new[] { -1, 1 }, seen);
    }

    [Fact]
    public void Json_that_ends_inside_the_object_is_a_JsonException()
    {
        var thrown = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"app_id\":"), isFinalBlock: false, state: default);
            reader.Read();
            var member = -1;
            Names.Next(ref reader, ref member);
        });
        Assert.Contains("ended", thrown.Message);
    }

    [Theory]
    [InlineData("{\"app_id\":1,\"other\":{\"a\":[1]},\"statement\":3,\"last\":null}", "{\"other\":{\"a\":[1]},\"last\":null}")]
    [InlineData("{\"app\\u005fid\":1}", "{}")]
    [InlineData("[1,2]", "{}")]
    [InlineData("\"text\"", "{}")]
    public void WriteOthers_writes_the_members_the_table_does_not_name_and_nothing_of_a_non_object(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Names.WriteOthers(writer, document.RootElement);
            writer.WriteEndObject();
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Theory]
    [InlineData(3, "{\"m0\":0,\"m2\":2}", null)]
    [InlineData(3, "{\"m2\":2}", "m0")]
    [InlineData(3, "{\"m0\":0,\"m1\":1}", "m2")]
    [InlineData(200, "{\"m0\":0,\"m2\":2,\"m64\":1,\"m199\":1}", null)]
    [InlineData(200, "{\"m0\":0,\"m2\":2,\"m199\":1}", "m64")]
    [InlineData(200, "{\"m0\":0,\"m2\":2,\"m64\":1}", "m199")]
    public void EnsureRequired_names_the_first_required_member_the_object_lacks(int count, string json, string? missing)
    {
        var names = new List<string>();
        for (var index = 0; index < count; index++)
        {
            names.Add("m" + index);
        }

        var required = count > 64 ? new[] { 0, 2, 64, 199 } : new[] { 0, 2 };
        var table = new JsonMemberNames(required, Array.Empty<int>(), names.ToArray());
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var seen = default(JsonMembersSeen);
        var member = -1;
        while (table.Next(ref reader, ref member, ref seen, "Thing"))
        {
            reader.Skip();
        }

        var error = Record.Exception(() => table.EnsureRequired(seen, "Thing"));
        Assert.Equal(missing is null ? null : "The JSON for Thing has no '" + missing + "' member, which the spec requires.", error?.Message);
        Assert.True(error is null or JsonException);
    }

    [Fact]
    public void A_position_outside_the_names_is_refused()
    {
        var required = Assert.Throws<ArgumentOutOfRangeException>(() => new JsonMemberNames(new[] { 2 }, Array.Empty<int>(), "a", "b"));
        var notNull = Assert.Throws<ArgumentOutOfRangeException>(() => new JsonMemberNames(Array.Empty<int>(), new[] { -1 }, "a", "b"));

        Assert.Contains("0 to 1", required.Message);
        Assert.Equal("notNull", notNull.ParamName);
    }

    [Theory]
    [InlineData("{\"a\":null,\"b\":1}", "The JSON for Thing has null for 'a', which the spec does not let be null.")]
    [InlineData("{\"a\":1,\"b\":null}", null)]
    public void A_member_that_may_not_be_null_is_refused_as_null_and_others_are_not(string json, string? expected)
    {
        var table = new JsonMemberNames(new[] { 0, 1 }, new[] { 0 }, "a", "b");
        var bytes = Encoding.UTF8.GetBytes(json);

        var error = Record.Exception(() =>
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            var seen = default(JsonMembersSeen);
            var member = -1;
            while (table.Next(ref reader, ref member, ref seen, "Thing"))
            {
                reader.Skip();
            }
        });

        Assert.Equal(expected, error?.Message);
    }

    [Fact]
    public void A_null_object_is_refused_only_by_a_type_with_required_members()
    {
        var error = Assert.Throws<JsonException>(() => new JsonMemberNames(new[] { 1 }, Array.Empty<int>(), "a", "b").EnsureNotNull("Thing"));
        new JsonMemberNames("a", "b").EnsureNotNull("Loose");

        Assert.Equal("The JSON for Thing is null, though the spec requires its member 'b'.", error.Message);
    }

    private static List<string> EnumerateNames(JsonElement element)
    {
        var result = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            result.Add(property.Name);
        }

        return result;
    }
}
