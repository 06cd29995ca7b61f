using System;

namespace IoTDA.Emulator.Http;

/// <summary>An error answer in the service's shape, thrown from deep in validation and written by the pipeline.</summary>
internal sealed class ApiError : Exception
{
    public ApiError(int statusCode, string errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public static ApiError InvalidInput(string detail) =>
        new(400, EmulatorErrorCodes.InvalidInput, "Invalid input data. " + detail);
}
