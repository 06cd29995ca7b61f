using System;
using System.Text.Json;

namespace IoTDA.Emulator.Http;

/// <summary>A status and, unless it is 204, the JSON body to write.</summary>
internal readonly struct ApiResponse
{
    public ApiResponse(int statusCode, Action<Utf8JsonWriter>? writeBody)
    {
        StatusCode = statusCode;
        WriteBody = writeBody;
    }

    public int StatusCode { get; }

    public Action<Utf8JsonWriter>? WriteBody { get; }

    public static ApiResponse NoContent => new(204, null);
}
