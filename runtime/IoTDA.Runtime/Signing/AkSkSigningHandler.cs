using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// A <see cref="DelegatingHandler"/> that signs every request passing through it with Huawei Cloud AK/SK, so it
/// also serves other Huawei Cloud APIs. It keeps an <c>X-Sdk-Date</c> the caller set, adds and signs
/// <c>X-Security-Token</c> for temporary credentials, signs the host as sent (port included) and the exact body.
/// A body whose Content-Type is set and does not start with <c>application/json</c> (a multipart upload, say) is
/// neither buffered nor hashed: the message gets <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>, signed with the other
/// headers, as Huawei's SDKs send it; a message that already carries that header is signed the same way.
/// Do not add it to an <see cref="IoTDAClientCore"/>'s HttpClient: generated clients sign each attempt themselves.
/// An answer from another origin than the request's (the inner handler followed a redirect, and with it sent the
/// security token on) is refused with an <see cref="IoTDAException"/>; give the inner handler
/// <c>AllowAutoRedirect = false</c>.
/// </summary>
public sealed class AkSkSigningHandler : DelegatingHandler
{
    private readonly RequestSigner _signer;

    public AkSkSigningHandler(AkSkCredentials credentials, string? regionId = null)
        : this((IoTDACredentials)(credentials ?? throw new ArgumentNullException(nameof(credentials))), regionId)
    {
    }

    public AkSkSigningHandler(AkSkCredentialsProvider credentialsProvider, string? regionId = null)
        : this((IoTDACredentials)(credentialsProvider ?? throw new ArgumentNullException(nameof(credentialsProvider))), regionId)
    {
    }

    private AkSkSigningHandler(IoTDACredentials credentials, string? regionId)
    {
        _signer = new RequestSigner(credentials, regionId, TimeProvider.System);
    }

    /// <summary>The service name in the derived-signing scope; <c>iotdm</c> (IoTDA) by default.</summary>
    public string ServiceName
    {
        get => _signer.ServiceName;
        set => _signer.ServiceName = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("The service name must not be empty.", nameof(value))
            : value;
    }

    /// <summary>The clock for <c>X-Sdk-Date</c>; the system clock by default.</summary>
    public TimeProvider TimeProvider
    {
        get => _signer.TimeProvider;
        set => _signer.TimeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentTo = request.RequestUri;
        await _signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (sentTo is not null)
        {
            Redirects.ThrowIfFollowed(response, sentTo, "The request to " + sentTo.GetLeftPart(UriPartial.Path));
        }

        return response;
    }
}
