namespace IoTDA.Emulator.Http.Operations;

/// <summary>
/// What serves one operation of <see cref="ApiOperations"/>. A handler throws <see cref="ApiError"/> for any breach
/// of the service's rules, and the pipeline writes it.
/// </summary>
internal abstract class OperationHandler
{
    public abstract ApiResponse Handle(OperationCall call);
}
