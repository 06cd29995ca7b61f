using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.Http;

/// <summary>Reads request bodies and values with the service's rules; every breach is an <see cref="ApiError"/>.</summary>
internal static partial class JsonInput
{
    /// <summary>Parses a body that must be a JSON object; null when the body is empty and <paramref name="optional"/>.</summary>
    public static JsonDocument? ParseObject(byte[] body, bool optional)
    {
        if (body.Length == 0)
        {
            return optional ? null : throw ApiError.InvalidInput("The request body is required.");
        }

        // The parser checks the structure but leaves a string's bytes alone until the string is read, when invalid
        // UTF-8 would throw from deep in a handler: the whole body is checked here, once.
        if (!Utf8.IsValid(body))
        {
            Utf8.ToUtf16(body, new char[body.Length], out var validBytes, out _, replaceInvalidSequences: false);
            throw new ApiError(400, EmulatorErrorCodes.InvalidJson, string.Create(CultureInfo.InvariantCulture,
                $"Bad request: the body is not valid JSON (UTF-8 text was expected; byte 0x{body[validBytes]:X2} at offset {validBytes} does not begin a valid sequence)."));
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
        value is not null && TargetTypes.Contains(value)
            ? value
            : throw ApiError.InvalidInput($"{name} must be one of {string.Join(", ", TargetTypes)}; got '{value}'.");

    /// <summary>A policy's <c>statement</c>; null when it is left out and not <paramref name="required"/>.</summary>
    public static List<StatementRecord>? Statements(JsonElement root, bool required)
    {
        if (!root.TryGetProperty("statement", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return required ? throw ApiError.InvalidInput("statement is required.") : null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw ApiError.InvalidInput("statement must be an array.");
        }

        var statements = new List<StatementRecord>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw ApiError.InvalidInput("Each statement must be an object.");
            }

            var effect = RequiredString(element, "effect");
            if (!Effects.Contains(effect))
            {
                throw ApiError.InvalidInput($"effect must be {string.Join(" or ", Effects)}; got '{effect}'.");
            }

            var actions = RequiredStringArray(element, "actions");
            var resources = RequiredStringArray(element, "resources");
            if (resources.Count < MinResourcesPerStatement || resources.Count > MaxResourcesPerStatement)
            {
                throw ApiError.InvalidInput($"resources must hold {MinResourcesPerStatement} to {MaxResourcesPerStatement} items; got {resources.Count}.");
            }

            statements.Add(new StatementRecord(effect, actions, resources));
        }

        return statements;
    }

    /// <summary>Names and app IDs: up to <paramref name="maxLength"/> of <c>A-Za-z0-9_-</c>.</summary>
    public static string? Identifier(string? value, string name, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength || !IdentifierRegex().IsMatch(value))
        {
            throw ApiError.InvalidInput($"{name} must be at most {maxLength} letters, digits, underscores and hyphens; got '{value}'.");
        }

        return value;
    }

    public static bool IsHexId(string value) => HexIdRegex().IsMatch(value);

    /// <summary>A device ID is <c>{product_id}_{node_id}</c>: 24 hex characters, an underscore, a node ID.</summary>
    public static bool IsDeviceId(string value) => DeviceIdRegex().IsMatch(value);

    public static bool IsAppId(string value) => value.Length <= MaxAppIdLength && value.Length > 0 && IdentifierRegex().IsMatch(value);

    public static int Limit(int? value) =>
        value is null ? DefaultLimit
        : value is >= MinLimit and <= MaxLimit ? value.Value
        : throw new ApiError(400, EmulatorErrorCodes.LimitOutOfRange, $"The limit {value} is out of range; it must be between {MinLimit} and {MaxLimit}.");

    public static int Offset(int? value) =>
        value is null ? DefaultOffset
        : value is >= MinOffset and <= MaxOffset ? value.Value
        : throw ApiError.InvalidInput($"offset must be between {MinOffset} and {MaxOffset}; got {value}.");

    public static string Marker(string? value) =>
        value is null ? DefaultMarker
        : HexIdRegex().IsMatch(value) ? value.ToLowerInvariant()
        : throw ApiError.InvalidInput($"marker must be 24 hexadecimal characters; got '{value}'.");

    [GeneratedRegex("^" + IdentifierPattern + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex("^" + HexIdPattern + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexIdRegex();

    // The node ID's rule is not in the spec: the shape the emulator treats as an existing device.
    [GeneratedRegex("^" + HexIdPattern + "_[A-Za-z0-9_-]{1,128}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceIdRegex();
}
