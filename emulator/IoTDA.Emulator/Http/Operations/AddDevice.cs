using System;
using System.Security.Cryptography;
using System.Text.Json;
using IoTDA.Emulator.State;
using static IoTDA.Emulator.DevicePolicyLimits;
using static IoTDA.Emulator.ProductDeviceLimits;

namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// <c>POST /v5/iot/{project_id}/devices</c>: 201 with the new device. Its product must exist; its ID is the caller's
/// or <c>{product_id}_{node_id}</c>, free in the instance; its node ID is free in the product. A device added behind
/// a gateway must name an existing one, at most <see cref="MaxGatewayDepth"/> levels down. <c>shadow</c> is checked to
/// be an array and otherwise ignored: device shadows are not emulated.
/// </summary>
internal sealed class AddDevice : DeviceOperation
{
    public override ApiResponse Handle(OperationCall call)
    {
        using var document = call.Body(optional: false)!;
        var root = document.RootElement;
        var nodeId = JsonInput.Id(root, "node_id", MaxNodeIdLength, required: true)!;
        var productId = JsonInput.Id(root, "product_id", MaxProductIdLength, required: true)!;
        var requestedId = JsonInput.Id(root, "device_id", MaxDeviceIdLength, required: false);
        var deviceName = JsonInput.Name(root, "device_name", MaxDeviceNameLength, required: false) ?? nodeId;
        var description = JsonInput.Text(root, "description", MaxDeviceDescriptionLength, required: false);
        var gatewayId = JsonInput.Id(root, "gateway_id", MaxDeviceIdLength, required: false);
        var appId = JsonInput.Id(root, "app_id", MaxAppIdLength, required: false);
        var auth = Auth(JsonInput.OptionalObject(root, "auth_info"));
        var extension = ExtensionInfo(root);
        JsonInput.OptionalArray(root, "shadow", int.MaxValue);
        var now = call.Now();
        var (device, productName) = call.State.Change(call.InstanceId, (instance, ids) =>
        {
            var product = instance.FindProduct(productId) ?? throw new ApiError(404, EmulatorErrorCodes.ProductNotFound,
                $"The product {productId} does not exist; a device can only be added to a product created before it.");
            if (appId is not null && appId != product.AppId)
            {
                throw ApiError.InvalidInput($"app_id '{appId}' is not the resource space of the product {productId}, which is '{product.AppId}'.");
            }

            var deviceId = requestedId ?? productId + "_" + nodeId;
            if (instance.FindDevice(deviceId) is not null)
            {
                throw new ApiError(400, EmulatorErrorCodes.DeviceAlreadyExists, $"Invalid input. The device ID {deviceId} is already taken.");
            }

            if (instance.Devices.Find(other => other.ProductId == productId && other.NodeId == nodeId) is { } sameNode)
            {
                throw new ApiError(400, EmulatorErrorCodes.DeviceAlreadyExists,
                    $"Invalid input. The node ID {nodeId} is already taken in the product {productId}, by the device {sameNode.DeviceId}.");
            }

            if (gatewayId is not null)
            {
                CheckGateway(instance, gatewayId);
            }

            var created = new DeviceRecord(
                ids.Next(now), deviceId, nodeId, productId, product.AppId, gatewayId ?? deviceId, deviceName, description, auth, extension, now);
            return new ChangeResult<(DeviceRecord, string)>((created, product.Name), new DeviceCreated(call.InstanceId, created));
        });
        return new ApiResponse(201, writer => ResponseWriter.WriteDevice(writer, device, productName));
    }

    /// <summary>A secret or a certificate; without a secret, a secret device gets one made up, as the service makes one.</summary>
    private static DeviceAuthRecord Auth(JsonElement? auth)
    {
        var type = (auth is { } given ? JsonInput.OneOf(given, "auth_type", AuthTypes, required: false) : null) ?? "SECRET";
        var secret = auth is { } withSecret ? JsonInput.Id(withSecret, "secret", MaxSecretLength, required: false) : null;
        if (secret is not null && secret.Length < MinSecretLength)
        {
            throw ApiError.InvalidInput($"secret must be {MinSecretLength} to {MaxSecretLength} characters; got {secret.Length}.");
        }

        var fingerprint = auth is { } withFingerprint ? JsonInput.OptionalString(withFingerprint, "fingerprint") : null;
        if (fingerprint is not null && !JsonInput.IsFingerprint(fingerprint))
        {
            throw ApiError.InvalidInput($"fingerprint must be 40 or 64 hexadecimal digits; got '{fingerprint}'.");
        }

        if (type == "SECRET" ? fingerprint is not null : secret is not null)
        {
            throw ApiError.InvalidInput($"auth_type {type} takes {(type == "SECRET" ? "a secret, not a fingerprint" : "a fingerprint, not a secret")}.");
        }

        var (secureAccess, timeout) = auth is { } settings ? AccessSettings(settings) : (null, null);
        if (type == "SECRET")
        {
            secret ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(MaxSecretLength / 2));
        }

        return new DeviceAuthRecord(type, secret, fingerprint, secureAccess ?? true, timeout ?? 0);
    }

    /// <summary>The gateway must exist, and a device behind it must not be deeper than the service allows.</summary>
    private static void CheckGateway(InstanceRecord instance, string gatewayId)
    {
        var gateway = instance.FindDevice(gatewayId) ?? throw new ApiError(404, EmulatorErrorCodes.DeviceNotFound,
            $"The gateway device {gatewayId} does not exist; a device can only be added behind an existing one.");
        var depth = 1;
        for (var above = gateway; above.NodeType == "ENDPOINT"; above = Existing(instance, above.GatewayId))
        {
            depth++;
        }

        if (depth > MaxGatewayDepth)
        {
            throw ApiError.InvalidInput($"gateway_id {gatewayId} is itself {depth - 1} levels behind a directly connected device; devices go at most {MaxGatewayDepth} levels deep.");
        }
    }
}
