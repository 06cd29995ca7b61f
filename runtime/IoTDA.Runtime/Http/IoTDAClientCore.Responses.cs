using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

public sealed partial class IoTDAClientCore
{
    /// <summary>
    /// Sends the request and hands back the whole answer: its status, headers and body, with the body read as
    /// <typeparamref name="T"/> when the status is one of <paramref name="valueStatuses"/> (any success status when
    /// null) and the body holds more than whitespace.
    /// </summary>
    public async Task<IoTDAResponse<T>> SendWithResponseAsync<T>(IoTDARequest request, JsonReadFunc<T> readResponse, int[]? valueStatuses, CancellationToken cancellationToken)
    {
        if (readResponse is null)
        {
            throw new System.ArgumentNullException(nameof(readResponse));
        }

        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var hasValue = HoldsJson(result.Body) && (valueStatuses is null || System.Array.IndexOf(valueStatuses, (int)result.Response.StatusCode) >= 0);
        var value = hasValue ? ReadModel(request, result, readResponse) : default!;
        return new IoTDAResponse<T>(result.Response, result.Body.ToArray(), value, hasValue);
    }

    /// <summary>Whether the body has anything but JSON whitespace, so that reading it can find a value.</summary>
    private static bool HoldsJson(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Sends the request and hands back the whole answer: its status, headers and body.</summary>
    public async Task<IoTDAResponse> SendWithResponseAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return new IoTDAResponse(result.Response, result.Body.ToArray());
    }
}
