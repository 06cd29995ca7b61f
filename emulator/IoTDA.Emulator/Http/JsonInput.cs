using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IoTDA.Emulator.Http;

/// <summary>Reads request bodies and values with the service's rules; every breach is an <see cref="ApiError"/>.</summary>
internal static partial class JsonInput
{
    public const int MinLimit = 1;
    public const int MaxLimit = 50;
    public const int DefaultLimit = 10;
    public const int MaxOffset = 500;
    public const string DefaultMarker = "ffffffffffffffffffffffff";

    /// <summary>Parses a body that must be a JSON object; null when the body is empty and <paramref name="optional"/>.</summary>
    public static JsonDocument? ParseObject(byte[] body, bool optional)
    {
        if (body.Length == 0)
        {
            return optional ? null : throw ApiError.InvalidInput("The request body is required.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new ApiError(400, EmulatorErrorCodes.InvalidJson, "Bad request: the body is not valid JSON (" + exception.Message + ").");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ApiError.InvalidInput("The request body must be a JSON object.");
        }

        return document;
    }

    public static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw ApiError.InvalidInput($"{name} must be a string.");
    }

    public static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) ?? throw ApiError.InvalidInput($"{name} is required.");

    public static List<string>? OptionalStringArray(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw ApiError.InvalidInput($"{name} must be an array of strings.");
        }

        var values = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw ApiError.InvalidInput($"{name} must be an array of strings.");
            }

            values.Add(item.GetString()!);
        }

        return values;
    }

    public static List<string> RequiredStringArray(JsonElement parent, string name) =>
        OptionalStringArray(parent, name) ?? throw ApiError.InvalidInput($"{name} is required.");

    public static int? OptionalInt(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw ApiError.InvalidInput($"{name} must be a 32-bit integer.");
    }

    public static string TargetType(string? value, string name) =>
        value is "device" or "product" or "app"
            ? value
            : throw ApiError.InvalidInput($"{name} must be one of device, product, app; got '{value}'.");

    /// <summary>Names and app IDs: up to <paramref name="maxLength"/> of <c>A-Za-z0-9_-</c>.</summary>
    public static string? Identifier(string? value, string name, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength || !IdentifierPattern().IsMatch(value))
        {
            throw ApiError.InvalidInput($"{name} must be at most {maxLength} letters, digits, underscores and hyphens; got '{value}'.");
        }

        return value;
    }

    public static int Limit(int? value) =>
        value is null ? DefaultLimit
        : value is >= MinLimit and <= MaxLimit ? value.Value
        : throw new ApiError(400, EmulatorErrorCodes.LimitOutOfRange, $"The limit {value} is out of range; it must be between {MinLimit} and {MaxLimit}.");

    public static int Offset(int? value) =>
        value is null ? 0
        : value is >= 0 and <= MaxOffset ? value.Value
        : throw ApiError.InvalidInput($"offset must be between 0 and {MaxOffset}; got {value}.");

    public static string Marker(string? value) =>
        value is null ? DefaultMarker
        : HexIdPattern().IsMatch(value) ? value.ToLowerInvariant()
        : throw ApiError.InvalidInput($"marker must be 24 hexadecimal characters; got '{value}'.");

    public static bool IsHexId(string value) => HexIdPattern().IsMatch(value);

    /// <summary>A device ID is <c>{product_id}_{node_id}</c>: 24 hex characters, an underscore, a node ID.</summary>
    public static bool IsDeviceId(string value) => DeviceIdPattern().IsMatch(value);

    public static bool IsAppId(string value) => value.Length <= 36 && value.Length > 0 && IdentifierPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[0-9a-fA-F]{24}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{24}_[A-Za-z0-9_-]{1,128}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceIdPattern();
}
