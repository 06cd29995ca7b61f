namespace IoTDA.Emulator;

/// <summary>
/// The error codes the emulator answers with. The ones marked "documented" are the service's own; the others
/// are the emulator's choice where the service's code is not published, in the service's numbering style.
/// </summary>
public static class EmulatorErrorCodes
{
    /// <summary>Documented: 400, the input breaks a rule (a missing or malformed member, over 20 IDs, an unknown target type).</summary>
    public const string InvalidInput = "IOTDA.000006";

    /// <summary>Documented: 400, the body is not valid JSON.</summary>
    public const string InvalidJson = "IOTDA.000008";

    /// <summary>Documented: 400, a time in the query is not <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public const string InvalidTimeFormat = "IOTDA.000009";

    /// <summary>Documented: 400, the query's start time is after its end time.</summary>
    public const string StartAfterEnd = "IOTDA.000010";

    /// <summary>Documented: 400, <c>limit</c> is outside 1 to 50.</summary>
    public const string LimitOutOfRange = "IOTDA.000017";

    /// <summary>Documented: 401, derived signing is required (<see cref="IoTDAEmulatorOptions.RequireDerivedSigning"/>) but a plain signature came.</summary>
    public const string DerivedSigningRequired = "IOTDA.000002";

    /// <summary>Emulator's choice: 403, the path's project ID is not the emulator's.</summary>
    public const string ProjectMismatch = "IOTDA.000003";

    /// <summary>Documented: the gateway's 401 for any failed authentication (signature, date window, token).</summary>
    public const string GatewayAuthenticationFailed = "APIGW.0301";

    /// <summary>The gateway's 404 for a path no API is published at.</summary>
    public const string GatewayApiNotFound = "APIGW.0101";

    /// <summary>
    /// The emulator's own, 501: the operation is part of the API but the emulator does not serve it; the message names
    /// the operation, its method and its path. Not in the service's <c>IOTDA.</c> numbering, so it cannot be taken
    /// for one of the service's answers.
    /// </summary>
    public const string NotImplemented = "IOTDA.EMULATOR.NOT_IMPLEMENTED";

    /// <summary>Emulator's choice: 404, the device policy does not exist in the instance.</summary>
    public const string PolicyNotFound = "IOTDA.015201";

    /// <summary>Emulator's choice: 400, the instance already holds the most policies it may.</summary>
    public const string PolicyLimitReached = "IOTDA.015202";

    /// <summary>Emulator's choice: 404, the product does not exist in the instance (or not in the resource space asked for).</summary>
    public const string ProductNotFound = "IOTDA.013201";

    /// <summary>Emulator's choice: 400, the instance already holds a product with the ID asked for.</summary>
    public const string ProductAlreadyExists = "IOTDA.013202";

    /// <summary>Emulator's choice: 400, the product still has devices, and the service refuses to delete such a product.</summary>
    public const string ProductHasDevices = "IOTDA.013203";

    /// <summary>
    /// The service's: 404, the device does not exist. Not in the error table the emulator was checked against, but the
    /// code clients of the service handle for a device that is gone.
    /// </summary>
    public const string DeviceNotFound = "IOTDA.014000";

    /// <summary>Documented: 400, the device ID (or the node ID within the product) is taken.</summary>
    public const string DeviceAlreadyExists = "IOTDA.014031";

    /// <summary>Emulator's choice: 400, devices are connected through this one, and the service refuses to delete such a gateway.</summary>
    public const string DeviceHasChildren = "IOTDA.014201";

    /// <summary>Emulator's choice: 500, the state file cannot be written, so the change was not made.</summary>
    public const string StateNotSaved = "IOTDA.015210";

    /// <summary>Documented, per target in an unbind result: the target is not bound to the policy.</summary>
    public const string TargetNotBound = "IOTDA.015207";

    /// <summary>Emulator's choice, per target in a bind result: the target is already bound to the policy.</summary>
    public const string TargetAlreadyBound = "IOTDA.015208";

    /// <summary>
    /// Per target in a bind or unbind result: no target of that type has that ID. The service does not publish a
    /// per-target code for this, so the emulator answers with the service's code for a device that does not exist
    /// (<see cref="DeviceNotFound"/>) whatever the target type; the message names the type and the ID.
    /// </summary>
    public const string TargetNotFound = DeviceNotFound;
}
