using System;
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

    public IQueryCollection Query => context.Request.Query;

    /// <summary>The path's <c>policy_id</c>, lowercased: IDs are handed out in lowercase and compared ordinally when paging.</summary>
    public string PolicyId()
    {
        var value = context.Request.RouteValues["policy_id"] as string ?? string.Empty;
        return JsonInput.IsHexId(value)
            ? value.ToLowerInvariant()
            : throw ApiError.InvalidInput($"policy_id must be 24 hexadecimal characters; got '{value}'.");
    }

    /// <summary>The body as a JSON object; null when it is empty and <paramref name="optional"/>.</summary>
    public JsonDocument? Body(bool optional) => JsonInput.ParseObject(request.Body, optional);

    public DateTimeOffset Now()
    {
        // Whole seconds: the wire format has no fractions, and a file round trip must give the same times.
        var now = Options.TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
