using System;

namespace IoTDA.Emulator;

/// <summary>
/// How an <see cref="IoTDAEmulator"/> runs: the credentials it accepts, where it keeps its state, and how strict its
/// gateway is. Every credential is made up for the emulator; none works against the real service.
/// </summary>
public sealed class IoTDAEmulatorOptions
{
    /// <summary>The access key whose signatures are accepted.</summary>
    public string AccessKey { get; set; } = "EMULATORACCESSKEY000";

    /// <summary>The secret key signatures are checked with.</summary>
    public string SecretKey { get; set; } = "EmulatorSecretKey0000000000000000000000";

    /// <summary>The project ID every path must carry.</summary>
    public string ProjectId { get; set; } = "0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e";

    /// <summary>The instance that requests without an <c>Instance-Id</c> header address.</summary>
    public string InstanceId { get; set; } = "00000000-0000-4000-8000-00000000e0e0";

    /// <summary>The IAM token accepted in <c>X-Auth-Token</c> instead of a signature.</summary>
    public string Token { get; set; } = "emulator-token";

    /// <summary>The resource space (<c>app_id</c>) of a policy created without one.</summary>
    public string DefaultAppId { get; set; } = "emulator_default_app";

    /// <summary>
    /// A JSON file that holds the state between runs: read on start when it exists, rewritten after every change.
    /// Null keeps the state in memory only.
    /// </summary>
    public string? StateFilePath { get; set; }

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The most device policies one instance holds; 50, as the service documents.</summary>
    public int MaxPoliciesPerInstance { get; set; } = DevicePolicyLimits.MaxPoliciesPerInstance;

    /// <summary>
    /// Rejects plain <c>SDK-HMAC-SHA256</c> signatures with 401 <c>IOTDA.000002</c>, as standard and enterprise
    /// instances do; derived <c>V11-HMAC-SHA256</c> signatures and tokens are still accepted.
    /// </summary>
    public bool RequireDerivedSigning { get; set; }

    /// <summary>
    /// Whether a bind target the emulator does not hold exists. A device or product created in the emulator is always a
    /// target; this is asked about any other ID. Null leaves the answer to <see cref="StrictTargets"/>: by default
    /// every ID of the documented shape exists (devices <c>{24 hex}_{node}</c>, products 24 hex characters, resource
    /// spaces up to 36 of <c>A-Za-z0-9_-</c>), and in strict mode no other device or product does.
    /// The arguments are the target type (<c>device</c>, <c>product</c>, <c>app</c>) and the ID.
    /// </summary>
    public Func<string, string, bool>? TargetExists { get; set; }

    /// <summary>
    /// Makes device and product targets real: binding a device or product the emulator does not hold (never created,
    /// or deleted) fails for that target with <see cref="EmulatorErrorCodes.TargetNotFound"/>, and so does unbinding
    /// one that is not bound (a device or product that exists but is not bound still fails with
    /// <see cref="EmulatorErrorCodes.TargetNotBound"/>). False (the default) treats every ID of the documented shape as
    /// a target. <see cref="TargetExists"/>, when set, still decides for the IDs the emulator does not hold, so a test
    /// can admit targets it never created; resource spaces are not emulated, so <c>app</c> targets are checked by
    /// shape, or by <see cref="TargetExists"/>, in both modes.
    /// </summary>
    public bool StrictTargets { get; set; }

    /// <summary>The clock for the <c>X-Sdk-Date</c> window and the policies' times; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal IoTDAEmulatorOptions Copy() => (IoTDAEmulatorOptions)MemberwiseClone();

    internal IoTDAEmulatorOptions Validated()
    {
        Require(AccessKey, nameof(AccessKey));
        Require(SecretKey, nameof(SecretKey));
        Require(ProjectId, nameof(ProjectId));
        Require(InstanceId, nameof(InstanceId));
        Require(Token, nameof(Token));
        Require(DefaultAppId, nameof(DefaultAppId));
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        if (MaxPoliciesPerInstance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPoliciesPerInstance), MaxPoliciesPerInstance, "An instance must hold at least one policy.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("The time provider must not be null.", nameof(TimeProvider));
        }

        return this;
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The emulator's {name} must not be empty.", name);
        }
    }
}
