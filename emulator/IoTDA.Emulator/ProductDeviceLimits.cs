using System.Collections.Immutable;

namespace IoTDA.Emulator;

/// <summary>
/// The limits of the product and device operations, each as the full IoTDA spec states it (a test reads the spec and
/// fails when a value here disagrees), except the few marked as stated only in the service's descriptions. The
/// paging limits are the API's, in <see cref="DevicePolicyLimits"/>; IDs use its <see cref="DevicePolicyLimits.IdentifierPattern"/>.
/// </summary>
internal static class ProductDeviceLimits
{
    public const int MaxProductIdLength = 36;

    public const int MaxProductNameLength = 64;

    public const int MaxDeviceTypeLength = 32;

    public static readonly ImmutableArray<string> ProtocolTypes = ["MQTT", "CoAP", "HTTP", "HTTPS", "Modbus", "ONVIF", "OPC-UA", "OPC-DA", "Other", "TCP", "UDP"];

    public static readonly ImmutableArray<string> DataFormats = ["json", "binary"];

    public const int MaxManufacturerNameLength = 32;

    public const int MaxIndustryLength = 64;

    public const int MaxProductDescriptionLength = 128;

    /// <summary>The most services a product has, and the most properties, commands and events a service has.</summary>
    public const int MaxServiceItems = 500;

    public const int MaxServiceIdLength = 64;

    public const int MaxServiceTypeLength = 64;

    public const int MaxServiceDescriptionLength = 128;

    public static readonly ImmutableArray<string> ServiceOptions = ["Master", "Mandatory", "Optional"];

    /// <summary>Device IDs, in bodies, paths and queries, and gateway IDs, which are device IDs.</summary>
    public const int MaxDeviceIdLength = 128;

    public const int MaxNodeIdLength = 64;

    public const int MaxDeviceNameLength = 256;

    public const int MaxDeviceDescriptionLength = 2048;

    public const int MinSecretLength = 8;

    public const int MaxSecretLength = 32;

    /// <summary>Stated in the descriptions only: a secret, or a certificate's fingerprint.</summary>
    public static readonly ImmutableArray<string> AuthTypes = ["SECRET", "CERTIFICATES"];

    /// <summary>
    /// Stated in the descriptions only: SHA-1 or SHA-256 fingerprints, 40 or 64 hex digits (the spec's pattern, read
    /// from the same sentence, has only the 64).
    /// </summary>
    public const string FingerprintPattern = "([0-9a-fA-F]{40}|[0-9a-fA-F]{64})";

    /// <summary>Stated in the descriptions only: <c>extension_info</c> holds at most 1 KB.</summary>
    public const int MaxExtensionInfoBytes = 1024;

    /// <summary>Stated in the descriptions only: the service supports at most two levels of devices behind gateways.</summary>
    public const int MaxGatewayDepth = 2;

    /// <summary>
    /// Stated in the descriptions only: names, device types, manufacturers, industries and service IDs are CJK
    /// ideographs, letters, digits and <c>_?'#().,&amp;%@!-</c> (no spaces), without anchors for the reason given at
    /// <see cref="DevicePolicyLimits.HexIdPattern"/>.
    /// </summary>
    public const string NamePattern = @"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9_?'#().,&%@!-]*";
}
