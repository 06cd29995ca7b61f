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
    private readonly string[] _names;
    private readonly byte[]?[] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[] _required = Array.Empty<int>();
    private readonly int[] _notNull = Array.Empty<int>();

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

        _names = (string[])names.Clone();
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

    /// <summary>The names, and the positions of those a value read must hold and of those it may not hold as null.</summary>
    /// <param name="required">Positions in <paramref name="names"/> of the members a value read must hold (<see cref="EnsureRequired"/>).</param>
    /// <param name="notNull">Positions of the members whose value may not be JSON null.</param>
    /// <param name="names">The names, as for <see cref="JsonMemberNames(string[])"/>.</param>
    public JsonMemberNames(int[] required, int[] notNull, params string[] names)
        : this(names)
    {
        _required = Positions(required, nameof(required), names.Length);
        _notNull = Positions(notNull, nameof(notNull), names.Length);
    }

    private static int[] Positions(int[] positions, string parameter, int count)
    {
        if (positions is null)
        {
            throw new ArgumentNullException(parameter);
        }

        foreach (var index in positions)
        {
            if ((uint)index >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(parameter, index, "A member's position must be one of the names' (0 to " + (count - 1) + ").");
            }
        }

        return (int[])positions.Clone();
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
    /// As <see cref="Next(ref Utf8JsonReader, ref int)"/>, and notes each member found in <paramref name="seen"/>; a
    /// JSON null for a member that may not be null is a <see cref="JsonException"/>.
    /// </summary>
    /// <param name="reader">The reader, inside the object.</param>
    /// <param name="member">The member's position, as for the other overload.</param>
    /// <param name="seen">The members found so far.</param>
    /// <param name="typeName">The type read, for the message.</param>
    public bool Next(ref Utf8JsonReader reader, ref int member, ref JsonMembersSeen seen, string typeName)
    {
        if (!Next(ref reader, ref member))
        {
            return false;
        }

        if (member >= 0)
        {
            seen.Add(member);
            if (reader.TokenType == JsonTokenType.Null && Array.IndexOf(_notNull, member) >= 0)
            {
                throw new JsonException("The JSON for " + typeName + " has null for '" + _names[member] + "', which the spec does not let be null.");
            }
        }

        return true;
    }

    /// <summary>
    /// Throws a <see cref="JsonException"/> naming the first required member <paramref name="seen"/> lacks: the value
    /// breaks the spec, and reading on would leave a member that may not be null or unset as if it were.
    /// </summary>
    /// <param name="seen">The members found, by <see cref="Next(ref Utf8JsonReader, ref int, ref JsonMembersSeen, string)"/>; none for a JSON null.</param>
    /// <param name="typeName">The type read, for the message.</param>
    public void EnsureRequired(in JsonMembersSeen seen, string typeName)
    {
        foreach (var index in _required)
        {
            if (!seen.Contains(index))
            {
                throw new JsonException("The JSON for " + typeName + " has no '" + _names[index] + "' member, which the spec requires.");
            }
        }
    }

    /// <summary>Throws a <see cref="JsonException"/> when a JSON null stands for a value that must hold members.</summary>
    /// <param name="typeName">The type read, for the message.</param>
    public void EnsureNotNull(string typeName)
    {
        if (_required.Length > 0)
        {
            throw new JsonException("The JSON for " + typeName + " is null, though the spec requires its member '" + _names[_required[0]] + "'.");
        }
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
