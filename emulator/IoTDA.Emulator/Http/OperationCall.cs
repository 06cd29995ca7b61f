using System;
using System.Globalization;
using System.Text.Json;
using IoTDA.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace IoTDA.Emulator.Http;

/// <summary>
/// One call of an operation, past the gateway: authenticated, its project ID checked. Carries what every operation
/// reads (the path, the body, the instance, the clock) and the state it works on.
/// </summary>
internal sealed class OperationCall(HttpContext context, ReceivedRequest request, EmulatorState state, IoTDAEmulatorOptions options)
{
    public EmulatorState State { get; } = state;

    public IoTDAEmulatorOptions Options { get; } = options;

    public string InstanceId => request.InstanceId;

    /// <summary>The path's <c>policy_id</c>, lowercased: IDs are handed out in lowercase and compared ordinally when paging.</summary>
    public string PolicyId()
    {
        var value = context.Request.RouteValues["policy_id"] as string ?? string.Empty;
        return JsonInput.IsHexId(value)
            ? value.ToLowerInvariant()
            : throw ApiError.InvalidInput($"policy_id must be 24 hexadecimal characters; got '{value}'.");
    }

    /// <summary>A path value that is an ID of <c>A-Za-z0-9_-</c>, up to <paramref name="maxLength"/> characters.</summary>
    public string PathId(string name, int maxLength) => JsonInput.Id(context.Request.RouteValues[name] as string ?? string.Empty, name, maxLength)!;

    /// <summary>A query parameter given at most once; null when it is not given.</summary>
    public string? Query(string name)
    {
        if (!context.Request.Query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw ApiError.InvalidInput($"{name} must be given once.");
    }

    /// <summary>A query ID, by the rule of <see cref="PathId"/>; null when it is not given.</summary>
    public string? QueryId(string name, int maxLength) => JsonInput.Id(Query(name), name, maxLength);

    /// <summary>A query filter of any text up to <paramref name="maxLength"/> characters; null when it is not given.</summary>
    public string? QueryText(string name, int maxLength)
    {
        var text = Query(name);
        return text is null || text.Length <= maxLength
            ? text
            : throw ApiError.InvalidInput($"{name} must be at most {maxLength} characters; got {text.Length}.");
    }

    public int? QueryInt(string name)
    {
        var text = Query(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiError.InvalidInput($"{name} must be an integer; got '{text}'.");
    }

    public bool? QueryBool(string name) => Query(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw ApiError.InvalidInput($"{name} must be true or false; got '{text}'."),
    };

    /// <summary>A query time in the service's form, <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public DateTimeOffset? QueryTime(string name)
    {
        var text = Query(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new ApiError(400, EmulatorErrorCodes.InvalidTimeFormat, $"Invalid input. {name} must be yyyyMMdd'T'HHmmss'Z', such as 20151212T121212Z; got '{text}'.");
    }

    /// <summary>The query's <c>limit</c>, <c>offset</c> and <c>marker</c>, checked, with the API's defaults.</summary>
    public PageRequest QueryPaging() =>
        new(JsonInput.Limit(QueryInt("limit")), JsonInput.Offset(QueryInt("offset")), JsonInput.Marker(Query("marker")));

    /// <summary>The body as a JSON object; null when it is empty and <paramref name="optional"/>.</summary>
    public JsonDocument? Body(bool optional) => JsonInput.ParseObject(request.Body, optional);

    public DateTimeOffset Now()
    {
        // Whole seconds: the wire format has no fractions, and a file round trip must give the same times.
        var now = Options.TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
