using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

public sealed partial class IoTDAClientCore
{
    /// <summary>
    /// Sends the request and hands back the whole answer: its status, headers and body, with the body read as
    /// <typeparamref name="T"/> when the status is <paramref name="valueStatus"/> (any success status when null).
    /// </summary>
    public async Task<IoTDAResponse<T>> SendWithResponseAsync<T>(IoTDARequest request, JsonReadFunc<T> readResponse, int? valueStatus, CancellationToken cancellationToken)
    {
        if (readResponse is null)
        {
            throw new System.ArgumentNullException(nameof(readResponse));
        }

        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var hasValue = result.Body.Length > 0 && (valueStatus is null || valueStatus == (int)result.Response.StatusCode);
        var value = hasValue ? ReadModel(request, result, readResponse) : default!;
        return new IoTDAResponse<T>(result.Response, result.Body.ToArray(), value, hasValue);
    }

    /// <summary>Sends the request and hands back the whole answer: its status, headers and body.</summary>
    public async Task<IoTDAResponse> SendWithResponseAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return new IoTDAResponse(result.Response, result.Body.ToArray());
    }
}
