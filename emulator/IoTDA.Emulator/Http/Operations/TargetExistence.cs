using System;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// Whether a bind or unbind target exists: the one rule <see cref="IoTDAEmulatorOptions.StrictTargets"/> and
/// <see cref="IoTDAEmulatorOptions.TargetExists"/> describe.
/// </summary>
internal static class TargetExistence
{
    public static bool Exists(InstanceRecord instance, IoTDAEmulatorOptions options, string targetType, string targetId)
    {
        var held = targetType switch
        {
            "device" => instance.FindDevice(targetId) is not null,
            "product" => instance.FindProduct(targetId) is not null,

            // Resource spaces are not emulated: none is ever held.
            "app" => false,
            _ => throw new InvalidOperationException($"The target type '{targetType}' passed validation but has no existence rule."),
        };
        if (held)
        {
            return true;
        }

        if (options.TargetExists is { } exists)
        {
            return exists(targetType, targetId);
        }

        // Without a registry to ask, an ID of the documented shape stands for a target that exists, unless strict mode
        // asks for devices and products the emulator holds.
        return targetType switch
        {
            "device" => !options.StrictTargets && JsonInput.IsDeviceId(targetId),
            "product" => !options.StrictTargets && JsonInput.IsHexId(targetId),
            "app" => JsonInput.IsAppId(targetId),
            _ => throw new InvalidOperationException($"The target type '{targetType}' passed validation but has no existence rule."),
        };
    }
}
