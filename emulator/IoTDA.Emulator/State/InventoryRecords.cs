using System;

namespace IoTDA.Emulator.State;

/// <summary>
/// A product as the emulator keeps it. <see cref="RecordId"/> orders and pages the products and is the product ID
/// when the caller gives none. <see cref="ServiceCapabilities"/> is the JSON array as it came, checked but not
/// modelled: the emulator serves it back and does nothing else with it.
/// </summary>
internal sealed record ProductRecord(
    string RecordId,
    string ProductId,
    string AppId,
    string Name,
    string DeviceType,
    string ProtocolType,
    string DataFormat,
    string? ManufacturerName,
    string? Industry,
    string? Description,
    string ServiceCapabilities,
    DateTimeOffset CreateTime);

/// <summary>How a device authenticates: a secret or a certificate fingerprint, over a secure protocol or not.</summary>
internal sealed record DeviceAuthRecord(string AuthType, string? Secret, string? Fingerprint, bool SecureAccess, int Timeout);

/// <summary>
/// A device as the emulator keeps it. <see cref="RecordId"/> orders and pages the devices (device IDs are
/// <c>{product_id}_{node_id}</c>, not time-ordered). A device connected directly is its own gateway.
/// <see cref="ExtensionInfo"/> is the caller's JSON as it came.
/// </summary>
internal sealed record DeviceRecord(
    string RecordId,
    string DeviceId,
    string NodeId,
    string ProductId,
    string AppId,
    string GatewayId,
    string DeviceName,
    string? Description,
    DeviceAuthRecord Auth,
    string? ExtensionInfo,
    DateTimeOffset CreateTime)
{
    /// <summary>The service's node type: <c>GATEWAY</c> for a device connected directly, <c>ENDPOINT</c> behind a gateway.</summary>
    public string NodeType => string.Equals(GatewayId, DeviceId, StringComparison.Ordinal) ? "GATEWAY" : "ENDPOINT";
}
