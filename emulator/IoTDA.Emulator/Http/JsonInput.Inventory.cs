using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http;

/// <summary>The value rules of the product and device bodies: texts, names, IDs, choices and the JSON kept as it came.</summary>
internal static partial class JsonInput
{
    /// <summary>An optional member, or a required one when <paramref name="required"/>: a string of 1 to <paramref name="maxLength"/> characters.</summary>
    public static string? Text(JsonElement parent, string name, int maxLength, bool required)
    {
        var value = required ? RequiredString(parent, name) : OptionalString(parent, name);
        if (value is not null && (value.Length == 0 || value.Length > maxLength))
        {
            throw ApiError.InvalidInput($"{name} must be 1 to {maxLength} characters; got {value.Length}.");
        }

        return value;
    }

    /// <summary>A <see cref="Text"/> that is also a name: CJK ideographs, letters, digits and <c>_?'#().,&amp;%@!-</c>.</summary>
    public static string? Name(JsonElement parent, string name, int maxLength, bool required)
    {
        var value = Text(parent, name, maxLength, required);
        return value is null || NameRegex().IsMatch(value)
            ? value
            : throw ApiError.InvalidInput($"{name} may hold only CJK ideographs, letters, digits and _?'#().,&%@!-; got '{value}'.");
    }

    /// <summary>An ID given by the caller: 1 to <paramref name="maxLength"/> of <c>A-Za-z0-9_-</c>; null when absent and not required.</summary>
    public static string? Id(JsonElement parent, string name, int maxLength, bool required) =>
        Id(required ? RequiredString(parent, name) : OptionalString(parent, name), name, maxLength);

    /// <summary>The same rule for a value from a path or a query.</summary>
    public static string? Id(string? value, string name, int maxLength) =>
        value is null || value.Length > 0 ? Identifier(value, name, maxLength) : throw ApiError.InvalidInput($"{name} must not be empty.");

    public static string? OneOf(JsonElement parent, string name, IReadOnlyList<string> allowed, bool required)
    {
        var value = required ? RequiredString(parent, name) : OptionalString(parent, name);
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (candidate == value)
            {
                return value;
            }
        }

        throw ApiError.InvalidInput($"{name} must be one of {string.Join(", ", allowed)}; got '{value}'.");
    }

    public static bool? OptionalBool(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiError.InvalidInput($"{name} must be true or false."),
        };
    }

    /// <summary>An optional member that must be a JSON object; null when absent.</summary>
    public static JsonElement? OptionalObject(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Object ? element : throw ApiError.InvalidInput($"{name} must be an object.");
    }

    /// <summary>An optional array member, each item checked by the caller; null when absent.</summary>
    public static JsonElement? OptionalArray(JsonElement parent, string name, int maxItems)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw ApiError.InvalidInput($"{name} must be an array.");
        }

        var count = element.GetArrayLength();
        return count <= maxItems ? element : throw ApiError.InvalidInput($"{name} must hold at most {maxItems} items; got {count}.");
    }

    public static bool IsFingerprint(string value) => FingerprintRegex().IsMatch(value);

    /// <summary>Names, without the length: the caller checks that.</summary>
    [GeneratedRegex("^" + NamePattern + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex("^" + FingerprintPattern + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintRegex();
}
