namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// The answer to an operation of the API the emulator does not serve: a 501 naming it, given only to a request the
/// gateway let through, so an unsigned request still learns about its signature first.
/// </summary>
internal sealed class NotImplementedOperation(ApiOperation operation) : OperationHandler
{
    public override ApiResponse Handle(OperationCall call) =>
        throw new ApiError(501, EmulatorErrorCodes.NotImplemented, $"The emulator does not implement {operation}.");
}
