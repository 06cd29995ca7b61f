using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace IoTDA.Runtime;

public static partial class IoTDAJson
{
    /// <summary>
    /// Reads the JSON a union keeps as one of its alternatives, when it is that alternative's kind of value and, for an
    /// object, holds every member the alternative requires; false, never an exception, when it is not.
    /// </summary>
    /// <param name="json">The union's JSON; null for a union made from an alternative, which has none to read.</param>
    /// <param name="kind">The JSON kind the alternative is written as; <see cref="JsonValueKind.True"/> stands for either boolean,
    /// <see cref="JsonValueKind.Undefined"/> for any kind (an alternative that is itself a union).</param>
    /// <param name="read">The alternative's reader.</param>
    /// <param name="value">The value read; the type's default when the method returns false.</param>
    /// <param name="requiredMembers">The members an object must hold to be the alternative.</param>
    public static bool TryReadAlternative<T>(JsonElement? json, JsonValueKind kind, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value, params string[] requiredMembers)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        value = default;
        if (json is not { } element || !IsOfKind(element.ValueKind, kind) || !HoldsEvery(element, requiredMembers))
        {
            return false;
        }

        var reader = ReaderOver(element);
        try
        {
            value = read(ref reader);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            // The value is of the alternative's kind but not of its form: a string that is no date, a number past the type's range.
            value = default;
            return false;
        }
    }

    private static bool IsOfKind(JsonValueKind found, JsonValueKind expected) =>
        expected == JsonValueKind.Undefined || found == expected || (expected == JsonValueKind.True && found == JsonValueKind.False);

    private static bool HoldsEvery(JsonElement element, string[]? members)
    {
        if (members is null || element.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        foreach (var member in members)
        {
            if (!element.TryGetProperty(member, out _))
            {
                return false;
            }
        }

        return true;
    }
}
