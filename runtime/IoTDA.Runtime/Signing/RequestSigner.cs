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

    private readonly IoTDACredentials _credentials;
    private readonly string? _regionId;
    private SigningTarget? _lastTarget;
    private long _clockOffsetTicks;

    internal RequestSigner(IoTDACredentials credentials, string? regionId, TimeProvider timeProvider)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
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

    /// <param name="request">The request, complete but for authentication.</param>
    /// <param name="knownBody">The body bytes when the caller has them; otherwise the content is buffered and read.</param>
    /// <param name="freshMessage">
    /// True when the message was built for this attempt alone (the client's case), so no header on it can be left over
    /// from an earlier pass through a signer.
    /// </param>
    /// <param name="cancellationToken">Cancels a credentials fetch or a body read.</param>
    internal ValueTask SignAsync(HttpRequestMessage request, ReadOnlyMemory<byte>? knownBody, bool freshMessage, CancellationToken cancellationToken)
    {
        var current = _credentials.TryGetCurrent();
        if (current is not null && (knownBody is not null || request.Content is null))
        {
            Sign(request, current, knownBody is { } body ? body.Span : default, freshMessage);
            return default;
        }

        return SignSlowlyAsync(request, knownBody, freshMessage, cancellationToken);
    }

    private async ValueTask SignSlowlyAsync(HttpRequestMessage request, ReadOnlyMemory<byte>? knownBody, bool freshMessage, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var body = knownBody ?? await ReadBodyAsync(request).ConfigureAwait(false);
        Sign(request, credentials, body.Span, freshMessage);
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

    private void Sign(HttpRequestMessage request, IoTDACredentials credentials, ReadOnlySpan<byte> body, bool freshMessage)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("A request to sign needs an absolute RequestUri.");
        }

        ThrowIfCredentialsWouldTravelInClear(uri);
        var headers = request.Headers;
        if (credentials is TokenCredentials token)
        {
            RemoveUnlessFresh(headers, AuthTokenHeader, freshMessage);
            headers.TryAddWithoutValidation(AuthTokenHeader, token.Token);
            return;
        }

        var akSk = (AkSkCredentials)credentials;
        var target = TargetFor(uri);
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

        RemoveUnlessFresh(headers, AuthorizationHeader, freshMessage);
        var key = ChooseKey(akSk, target, sdkDate);
        Span<byte> bodyHash = stackalloc byte[HashPrimitives.Sha256Length];
        HashPrimitives.Sha256(body, bodyHash);

        var signedHeaders = SignedHeaderCollector.Collect(request, out var count);
        try
        {
            var authorization = SignatureCalculator.CreateAuthorization(
                request.Method.Method, uri.AbsolutePath, QueryWithoutSeparator(uri), signedHeaders.AsSpan(0, count), bodyHash, sdkDate, akSk.AccessKey, key);
            headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
        }
        finally
        {
            ArrayPool<SignedHeader>.Shared.Return(signedHeaders, clearArray: true);
        }
    }

    /// <summary>One request after another goes to the same host: keep the last target while it still applies.</summary>
    private SigningTarget TargetFor(Uri uri)
    {
        var last = Volatile.Read(ref _lastTarget);
        if (last is not null && string.Equals(last.Authority, uri.Authority, StringComparison.Ordinal))
        {
            return last;
        }

        var target = SigningTarget.For(uri, _regionId);
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

    private static string? QueryWithoutSeparator(Uri uri)
    {
        var query = uri.Query;
        return query.Length <= 1 ? null : query.Substring(1);
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

        var sdkDate = AkSkSigner.FormatSdkDate(TimeProvider.GetUtcNow() + ClockOffset);
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

    private static void ThrowIfCredentialsWouldTravelInClear(Uri uri)
    {
        if (string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase) && !uri.IsLoopback)
        {
            throw new InvalidOperationException(
                $"Refusing to send credentials over plain http to '{uri.Host}': use https, or a loopback address for a local emulator.");
        }
    }
}
