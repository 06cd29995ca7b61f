using System.Collections.Generic;

namespace IoTDA.Emulator.Http;

/// <summary>A bind or unbind call's result, target by target: the call succeeds even when every target fails.</summary>
internal sealed record BindOutcome(string PolicyId, string TargetType)
{
    public List<string> Succeeded { get; } = new();

    public List<(string TargetId, string Code, string Message)> Failed { get; } = new();

    public void Fail(string targetId, string code, string message) => Failed.Add((targetId, code, message));
}
