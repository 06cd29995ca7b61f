using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IoTDA.Runtime;

/// <summary>
/// A generated extensible enum: a struct over the string a service sends, which may be a value the spec does not
/// list yet. Its <see cref="object.ToString"/> gives that string back.
/// </summary>
/// <typeparam name="TSelf">The enum itself.</typeparam>
public interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>Wraps a value as sent on the wire. Called on any instance (the default one will do).</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enum holding <paramref name="value"/>.</returns>
    TSelf FromWire(string value);
}

/// <summary>
/// Reads and writes any generated extensible enum as its wire string for System.Text.Json, without reflection: one
/// converter for all of them instead of a copy in each. <see cref="JsonConverterAttribute"/> names it on every such
/// enum, so a caller's own <see cref="JsonSerializer"/> calls read and write them as the service does.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class ExtensibleEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, IExtensibleEnum<TEnum>
{
    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        default(TEnum).FromWire(reader.GetString() ?? string.Empty);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStringValue(value.ToString());
    }
}
