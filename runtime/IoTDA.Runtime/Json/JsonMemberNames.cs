using System;
using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// The JSON member names of one generated type, encoded once: generated readers find the member a property name
/// stands for by its position here, and generated writers write the names already escaped. One table per type
/// keeps the names out of every method that reads or writes them, which is most of what the compiler would
/// otherwise have to bind for a large spec.
/// </summary>
public sealed class JsonMemberNames
{
    private readonly byte[]?[] _utf8;
    private readonly JsonEncodedText[] _encoded;

    /// <summary>The names in the order the generated code numbers them.</summary>
    /// <param name="names">
    /// The names. One that is not well-formed UTF-16 (a lone surrogate) has no UTF-8 form: it never matches, and
    /// the generated writer writes it by its string, which the writer refuses with a clear error.
    /// </param>
    public JsonMemberNames(params string[] names)
    {
        if (names is null)
        {
            throw new ArgumentNullException(nameof(names));
        }

        _utf8 = new byte[]?[names.Length];
        _encoded = new JsonEncodedText[names.Length];
        for (var index = 0; index < names.Length; index++)
        {
            if (JsonNameBytes.TryEncode(names[index]) is { } utf8)
            {
                _utf8[index] = utf8;
                _encoded[index] = JsonEncodedText.Encode(utf8);
            }
        }
    }

    /// <summary>The name at <paramref name="index"/>, escaped for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>
    /// Moves to the next member of the object the reader is in and past its name, onto its value. False at the
    /// object's end. <paramref name="member"/> is the position of the member's name, -1 for a name not in the table;
    /// it starts the search one past the previous member, so members in the usual order are found at once.
    /// </summary>
    public bool Next(ref Utf8JsonReader reader, ref int member)
    {
        if (!IoTDAJson.NextProperty(ref reader))
        {
            return false;
        }

        member = Find(ref reader, member + 1);
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended after a property name.");
        }

        return true;
    }

    /// <summary>
    /// Writes each member of <paramref name="json"/> whose name is not in the table, as it is: what a value of a kind
    /// the client does not know holds beyond the members the generated code writes itself. Nothing for a non-object.
    /// </summary>
    public void WriteOthers(Utf8JsonWriter writer, JsonElement json)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in json.EnumerateObject())
        {
            if (!IsListed(member))
            {
                member.WriteTo(writer);
            }
        }
    }

    private bool IsListed(JsonProperty member)
    {
        foreach (var name in _utf8)
        {
            if (name is not null && member.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private int Find(ref Utf8JsonReader reader, int start)
    {
        var count = _utf8.Length;
        if ((uint)start >= (uint)count)
        {
            start = 0;
        }

        for (var step = 0; step < count; step++)
        {
            var index = start + step;
            if (index >= count)
            {
                index -= count;
            }

            if (_utf8[index] is { } name && reader.ValueTextEquals(name))
            {
                return index;
            }
        }

        return -1;
    }
}
