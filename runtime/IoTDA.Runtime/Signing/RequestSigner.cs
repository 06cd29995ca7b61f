using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// Signs (or, for tokens, authenticates) one <see cref="HttpRequestMessage"/> exactly as it will be sent: the host
/// with its port, the headers it carries, the body bytes. Shared by <see cref="AkSkSigningHandler"/> and
/// <see cref="IoTDAClientCore"/>.
/// </summary>
internal sealed class RequestSigner
{
    internal const string AuthorizationHeader = "Authorization";
    internal const string SecurityTokenHeader = "X-Security-Token";
    internal const string AuthTokenHeader = "X-Auth-Token";
    internal const string HostHeader = "Host";

    private readonly IoTDACredentials? _credentials;
    private readonly ApiSecurity _security;
    private readonly string? _regionId;
    private readonly SdkDateCache _sdkDates = new();
    private SigningTarget? _lastTarget;
    private long _clockOffsetTicks;

    internal RequestSigner(IoTDACredentials credentials, string? regionId, TimeProvider timeProvider)
        : this(credentials ?? throw new ArgumentNullException(nameof(credentials)), ApiSecurity.HuaweiCloud, regionId, timeProvider)
    {
    }

    /// <param name="credentials">The caller's credentials; null for a spec that needs none, and nothing is added.</param>
    /// <param name="security">Where the credentials of the spec's own schemes go.</param>
    /// <param name="regionId">The configured region, which scopes derived AK/SK signatures.</param>
    /// <param name="timeProvider">The clock for <c>X-Sdk-Date</c>.</param>
    internal RequestSigner(IoTDACredentials? credentials, ApiSecurity security, string? regionId, TimeProvider timeProvider)
    {
        _credentials = credentials;
        _security = security ?? throw new ArgumentNullException(nameof(security));
        _regionId = string.IsNullOrWhiteSpace(regionId) ? null : regionId;
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    internal string ServiceName { get; set; } = AkSkSigner.IoTDAServiceName;

    internal TimeProvider TimeProvider { get; set; }

    /// <summary>Server time minus local time, learnt from a gateway that said our signature had expired.</summary>
    internal TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
        set => Interlocked.Exchange(ref _clockOffsetTicks, value.Ticks);
    }

    /// <summary>
    /// Signs a message that someone else built (the handler's case): its body is buffered and read (unless it is
    /// signed as an unsigned payload, see <see cref="UnsignedPayload.AppliesTo"/>), its target worked out from its
    /// URI, and headers a signer added on an earlier pass are replaced.
    /// </summary>
    internal async ValueTask SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("A request to sign needs an absolute RequestUri.");
        }

        if (_credentials is null)
        {
            return;
        }

        ThrowIfCredentialsWouldTravelInClear(uri);
        var credentials = await _credentials.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var unsignedPayload = UnsignedPayload.AppliesTo(request);
        var body = unsignedPayload ? ReadOnlyMemory<byte>.Empty : await ReadBodyAsync(request).ConfigureAwait(false);
        Sign(request, credentials, body.Span, unsignedPayload, TargetFor(uri), uri.PathAndQuery.AsSpan(), freshMessage: false);
    }

    /// <summary>
    /// Signs a message built for this attempt alone (the client's case): the caller passes the body bytes, the target
    /// it worked out once for its endpoint, and the escaped path and query it built the URI from.
    /// </summary>
    internal ValueTask SignAsync(
        HttpRequestMessage request, ReadOnlyMemory<byte> body, SigningTarget target, ReadOnlyMemory<char> pathAndQuery, CancellationToken cancellationToken) =>
        SignFreshAsync(request, body, unsignedPayload: false, target, pathAndQuery, cancellationToken);

    /// <summary>
    /// As <see cref="SignAsync(HttpRequestMessage, ReadOnlyMemory{byte}, SigningTarget, ReadOnlyMemory{char}, CancellationToken)"/>
    /// for a body that is not JSON (a multipart form): it is not hashed, and the message says so in a signed header.
    /// </summary>
    internal ValueTask SignUnsignedPayloadAsync(
        HttpRequestMessage request, SigningTarget target, ReadOnlyMemory<char> pathAndQuery, CancellationToken cancellationToken) =>
        SignFreshAsync(request, ReadOnlyMemory<byte>.Empty, unsignedPayload: true, target, pathAndQuery, cancellationToken);

    private ValueTask SignFreshAsync(
        HttpRequestMessage request, ReadOnlyMemory<byte> body, bool unsignedPayload, SigningTarget target, ReadOnlyMemory<char> pathAndQuery, CancellationToken cancellationToken)
    {
        if (_credentials is null)
        {
            return default;
        }

        var current = _credentials.TryGetCurrent();
        if (current is not null)
        {
            Sign(request, current, body.Span, unsignedPayload, target, pathAndQuery.Span, freshMessage: true);
            return default;
        }

        return SignAfterRefreshAsync(request, body, unsignedPayload, target, pathAndQuery, cancellationToken);
    }

    private async ValueTask SignAfterRefreshAsync(
        HttpRequestMessage request, ReadOnlyMemory<byte> body, bool unsignedPayload, SigningTarget target, ReadOnlyMemory<char> pathAndQuery, CancellationToken cancellationToken)
    {
        var credentials = await _credentials!.ResolveAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, credentials, body.Span, unsignedPayload, target, pathAndQuery.Span, freshMessage: true);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequestMessage request)
    {
        if (request.Content is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        // Buffering first means the bytes hashed here are the bytes the content sends afterwards.
        await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        return await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Signs with the given body, target and escaped path and query. <paramref name="freshMessage"/> is true when the
    /// message was built for this attempt alone, so no header on it can be left over from an earlier pass;
    /// <paramref name="unsignedPayload"/> signs <c>UNSIGNED-PAYLOAD</c> in place of the body's hash.
    /// </summary>
    private void Sign(
        HttpRequestMessage request, IoTDACredentials credentials, ReadOnlySpan<byte> body, bool unsignedPayload, SigningTarget target,
        ReadOnlySpan<char> pathAndQuery, bool freshMessage)
    {
        var headers = request.Headers;
        switch (credentials)
        {
            case TokenCredentials token:
                RemoveUnlessFresh(headers, AuthTokenHeader, freshMessage);
                headers.TryAddWithoutValidation(AuthTokenHeader, token.Token);
                return;
            case BearerTokenCredentials bearer:
                RemoveUnlessFresh(headers, AuthorizationHeader, freshMessage);
                headers.TryAddWithoutValidation(AuthorizationHeader, bearer.AuthorizationValue);
                return;
            case BasicCredentials basic:
                RemoveUnlessFresh(headers, AuthorizationHeader, freshMessage);
                headers.TryAddWithoutValidation(AuthorizationHeader, basic.AuthorizationValue);
                return;
            case ApiKeyCredentials apiKey:
                ApiKeyPlacement.Apply(request, _security, apiKey.Key);
                return;
        }

        var akSk = (AkSkCredentials)credentials;
        var sdkDate = EnsureSdkDate(request, freshMessage);
        RemoveUnlessFresh(headers, SecurityTokenHeader, freshMessage);
        if (akSk.SecurityToken is not null)
        {
            headers.TryAddWithoutValidation(SecurityTokenHeader, akSk.SecurityToken);
        }

        // Set without validation: the value is the one HttpClient would send, and parsing it again costs more than signing.
        if (freshMessage || !headers.Contains(HostHeader))
        {
            headers.TryAddWithoutValidation(HostHeader, target.Host);
        }

        // Added before the headers are collected: the gateway must know from a signed header that the body is not hashed.
        if (unsignedPayload)
        {
            RemoveUnlessFresh(headers, UnsignedPayload.HeaderName, freshMessage);
            headers.TryAddWithoutValidation(UnsignedPayload.HeaderName, UnsignedPayload.Value);
        }

        RemoveUnlessFresh(headers, AuthorizationHeader, freshMessage);
        var key = ChooseKey(akSk, target, sdkDate);
        Span<byte> bodyHash = stackalloc byte[HashPrimitives.Sha256Length];
        if (!unsignedPayload)
        {
            HashPrimitives.Sha256(body, bodyHash);
        }

        var signedHeaders = SignedHeaderCollector.Collect(request, out var count);
        try
        {
            var authorization = SignatureCalculator.CreateAuthorization(
                request.Method.Method, pathAndQuery, signedHeaders.AsSpan(0, count), bodyHash, unsignedPayload, sdkDate, akSk.AccessKey, key);
            headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
        }
        finally
        {
            ArrayPool<SignedHeader>.Shared.Return(signedHeaders, clearArray: true);
        }
    }

    /// <summary>The target for requests to <paramref name="endpoint"/>, with this signer's configured region.</summary>
    internal SigningTarget CreateTarget(Uri endpoint) => SigningTarget.For(endpoint, _regionId);

    /// <summary>One request after another goes to the same host: keep the last target while it still applies.</summary>
    private SigningTarget TargetFor(Uri uri)
    {
        var last = Volatile.Read(ref _lastTarget);
        if (last is not null && string.Equals(last.Authority, uri.Authority, StringComparison.Ordinal))
        {
            return last;
        }

        var target = CreateTarget(uri);
        Volatile.Write(ref _lastTarget, target);
        return target;
    }

    private static void RemoveUnlessFresh(System.Net.Http.Headers.HttpRequestHeaders headers, string name, bool freshMessage)
    {
        if (!freshMessage)
        {
            headers.Remove(name);
        }
    }

    /// <summary>Keeps a date the caller set; replaces one this signer added on an earlier pass.</summary>
    private string EnsureSdkDate(HttpRequestMessage request, bool freshMessage)
    {
        if (!freshMessage)
        {
            if (!RequestMarkers.WasDateAddedBySigner(request) &&
                request.Headers.TryGetValues(AkSkSigner.SdkDateHeader, out var existing))
            {
                foreach (var value in existing)
                {
                    return value;
                }
            }

            request.Headers.Remove(AkSkSigner.SdkDateHeader);
            RequestMarkers.MarkDateAddedBySigner(request);
        }

        var sdkDate = _sdkDates.Format(TimeProvider.GetUtcNow() + ClockOffset);
        request.Headers.TryAddWithoutValidation(AkSkSigner.SdkDateHeader, sdkDate);
        return sdkDate;
    }

    private SigningKey ChooseKey(AkSkCredentials credentials, SigningTarget target, string sdkDate)
    {
        var derived = credentials.Signing switch
        {
            AkSkSigning.Basic => false,
            AkSkSigning.Derived => true,
            _ => target.Region is not null && !target.IsPublicEndpoint,
        };

        if (!derived)
        {
            return credentials.BasicKey;
        }

        var region = target.Region ?? throw new InvalidOperationException(
            $"Derived (V11) signing needs a region, and none is configured or readable from the host '{target.Host}'; " +
            "set IoTDAClientOptions.RegionId (for example cn-north-4).");

        var cached = credentials.LastDerivedKey;
        if (cached is not null && cached.Covers(sdkDate, region, ServiceName))
        {
            return cached;
        }

        var key = SigningKey.Derived(credentials.AccessKey, credentials.SecretKey, sdkDate, region, ServiceName);
        credentials.LastDerivedKey = key;
        return key;
    }

    internal static void ThrowIfCredentialsWouldTravelInClear(Uri uri)
    {
        if (string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase) && !uri.IsLoopback)
        {
            throw new InvalidOperationException(
                $"Refusing to send credentials over plain http to '{uri.Host}': use https, or a loopback address for a local emulator.");
        }
    }
}
