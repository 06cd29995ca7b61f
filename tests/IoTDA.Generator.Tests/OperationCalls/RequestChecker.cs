using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>
/// Compares a recorded request with the expected one and words every difference: method, path, each query pair
/// missing or unexpected, each spec header missing or different, and the body member by member.
/// </summary>
internal static class RequestChecker
{
    public static IReadOnlyList<string> Mismatches(ExpectedRequest expected, RecordedRequest actual)
    {
        var mismatches = new List<string>();
        if (expected.Method != actual.Method)
        {
            mismatches.Add($"method: expected {expected.Method}, sent {actual.Method}");
        }

        if (!string.Equals(expected.Path, actual.Path, StringComparison.Ordinal))
        {
            mismatches.Add($"path: expected {expected.Path}, sent {actual.Path}");
        }

        CompareQuery(expected.Query, ParseQuery(actual.Query), mismatches);
        foreach (var (name, value) in expected.Headers)
        {
            var sent = actual.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
            if (sent.Length == 0)
            {
                mismatches.Add($"header {name}: expected '{value}', not sent");
            }
            else if (sent.Length > 1 || sent[0] != value)
            {
                mismatches.Add($"header {name}: expected '{value}', sent '{string.Join("' and '", sent)}'");
            }
        }

        CompareBody(expected.Body, actual, mismatches);
        return mismatches;
    }

    /// <summary>The decoded name-value pairs of an escaped query (with or without its leading <c>?</c>).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""))
            .ToArray();

    private static void CompareQuery(IReadOnlyList<KeyValuePair<string, string>> expected, IReadOnlyList<KeyValuePair<string, string>> actual, List<string> mismatches)
    {
        var unmatched = actual.ToList();
        foreach (var pair in expected)
        {
            if (!unmatched.Remove(pair))
            {
                var sameName = actual.Where(a => a.Key == pair.Key).Select(a => a.Value).ToArray();
                mismatches.Add(sameName.Length == 0
                    ? $"query {pair.Key}: expected '{pair.Value}', not sent"
                    : $"query {pair.Key}: expected '{pair.Value}', sent '{string.Join("' and '", sameName)}'");
            }
        }

        foreach (var pair in unmatched.Where(u => expected.All(e => e.Key != u.Key)))
        {
            mismatches.Add($"query {pair.Key}: not in the spec, sent '{pair.Value}'");
        }
    }

    private static void CompareBody(ExpectedBody expected, RecordedRequest actual, List<string> mismatches)
    {
        switch (expected.Kind)
        {
            case BodyKind.None:
                if (actual.Body.Length > 0)
                {
                    mismatches.Add($"body: the spec describes none, {actual.Body.Length} bytes sent");
                }

                break;
            case BodyKind.Json:
                if (actual.ContentType is null || !actual.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    mismatches.Add($"body: expected application/json, sent {actual.ContentType ?? "no content type"}");
                    break;
                }

                JsonNode? sent;
                try
                {
                    sent = JsonNode.Parse(actual.Body);
                }
                catch (JsonException exception)
                {
                    mismatches.Add("body: not JSON (" + exception.Message + ")");
                    break;
                }

                CompareJson(expected.Json, sent, "$", mismatches);
                break;
            case BodyKind.Form:
                FormBody.Compare(expected.Parts, actual, mismatches);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected), expected.Kind, null);
        }
    }

    /// <summary>Names and nesting, and the values; object members in any order, array items in order.</summary>
    public static void CompareJson(JsonNode? expected, JsonNode? actual, string path, List<string> mismatches)
    {
        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                foreach (var (name, value) in expectedObject)
                {
                    if (actualObject.TryGetPropertyValue(name, out var sentValue))
                    {
                        CompareJson(value, sentValue, path + "." + name, mismatches);
                    }
                    else
                    {
                        mismatches.Add($"body {path}.{name}: missing (sent members: {string.Join(", ", actualObject.Select(m => m.Key))})");
                    }
                }

                foreach (var (name, _) in actualObject.Where(member => !expectedObject.ContainsKey(member.Key)))
                {
                    mismatches.Add($"body {path}.{name}: not in the spec");
                }

                break;
            case (JsonArray expectedArray, JsonArray actualArray):
                if (expectedArray.Count != actualArray.Count)
                {
                    mismatches.Add($"body {path}: expected {expectedArray.Count} items, sent {actualArray.Count}");
                }

                for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++)
                {
                    CompareJson(expectedArray[i], actualArray[i], path + "[" + i + "]", mismatches);
                }

                break;
            case (JsonValue expectedValue, JsonValue actualValue):
                if (!SameValue(expectedValue, actualValue))
                {
                    mismatches.Add($"body {path}: expected {expectedValue.ToJsonString()}, sent {actualValue.ToJsonString()}");
                }

                break;
            default:
                mismatches.Add($"body {path}: expected {expected?.ToJsonString() ?? "null"}, sent {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }

    /// <summary>Numbers by value (1.50 is 1.5) and strings by their text, however a writer spells them.</summary>
    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        var kind = expected.GetValueKind();
        return kind == actual.GetValueKind() && kind switch
        {
            JsonValueKind.Number => Number(expected) == Number(actual),
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => throw new ArgumentOutOfRangeException(nameof(expected), kind, "Not a JSON value."),
        };
    }

    private static decimal Number(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
