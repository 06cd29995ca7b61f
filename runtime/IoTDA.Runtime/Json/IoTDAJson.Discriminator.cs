using System.Text.Json;

namespace IoTDA.Runtime;

public static partial class IoTDAJson
{
    /// <summary>
    /// The string held by the member <paramref name="name"/> of the object the reader is on, found by reading ahead on
    /// a copy, so the caller's reader stays where it is for the variant's reader; null when the value is not an object,
    /// lacks the member or holds something other than a string there (the caller keeps it as a value of unknown kind).
    /// A member given twice counts as its last, as the variant's reader keeps the last.
    /// </summary>
    public static string? ReadDiscriminator(Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDiscriminator = reader.ValueTextEquals(name);
            if (!reader.Read())
            {
                return null;
            }

            if (isDiscriminator)
            {
                found = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            // Bodies are read whole, so the copy can always skip; a reader over part of one could not, and the kind is then unknown.
            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return found;
    }
}
