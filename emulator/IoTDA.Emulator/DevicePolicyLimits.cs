using System.Collections.Immutable;

namespace IoTDA.Emulator;

/// <summary>
/// The device-policy API's limits, each exactly as <c>spec/iotda.openapi.yaml</c> states it. The
/// emulator reads them only from here, and a test reads the spec and fails when a value here disagrees with it.
/// </summary>
internal static class DevicePolicyLimits
{
    /// <summary>Stated in the description of creating a policy, not in a schema.</summary>
    public const int MaxPoliciesPerInstance = 50;

    public const int MaxPolicyNameLength = 128;

    /// <summary>The list's <c>policy_name</c> filter: the spec allows it longer than a stored name.</summary>
    public const int MaxQueryPolicyNameLength = 256;

    public const int MaxAppIdLength = 36;

    /// <summary>Policy names and app IDs, without anchors, for the reason given at <see cref="HexIdPattern"/>.</summary>
    public const string IdentifierPattern = "[A-Za-z0-9_-]*";

    public static readonly ImmutableArray<string> Effects = ["ALLOW", "DENY"];

    public const int MinResourcesPerStatement = 1;

    public const int MaxResourcesPerStatement = 10;

    public static readonly ImmutableArray<string> TargetTypes = ["device", "product", "app"];

    public const int MaxTargetIdsPerCall = 20;

    public const int MinLimit = 1;

    public const int MaxLimit = 50;

    public const int DefaultLimit = 10;

    public const int MinOffset = 0;

    public const int MaxOffset = 500;

    public const int DefaultOffset = 0;

    public const string DefaultMarker = "ffffffffffffffffffffffff";

    /// <summary>
    /// Policy IDs and markers, without anchors: the spec anchors it with <c>$</c>, which .NET also lets match before a
    /// final newline, so the emulator anchors with <c>\z</c> instead.
    /// </summary>
    public const string HexIdPattern = "[0-9a-fA-F]{24}";
}
