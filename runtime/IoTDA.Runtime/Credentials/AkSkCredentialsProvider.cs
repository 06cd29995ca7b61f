using System;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// Temporary AK/SK credentials that expire: fetched on first use and fetched again when
/// <see cref="AkSkCredentials.Expiration"/> is nearer than <see cref="RefreshBefore"/>. Concurrent callers share
/// one fetch.
/// </summary>
public sealed class AkSkCredentialsProvider : IoTDACredentials
{
    private readonly Func<CancellationToken, Task<AkSkCredentials>> _fetch;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private AkSkCredentials? _current;

    public AkSkCredentialsProvider(Func<CancellationToken, Task<AkSkCredentials>> fetch)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
    }

    /// <summary>How long before expiry to fetch new credentials; five minutes by default.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock that decides expiry; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public override string ToString() => "AkSkCredentialsProvider(" + (_current?.ToString() ?? "not fetched yet") + ")";

    internal override async ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = Volatile.Read(ref _current);
            if (current is not null && IsFresh(current))
            {
                return current;
            }

            var fetched = await _fetch(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The credentials provider's fetch function returned null.");
            Volatile.Write(ref _current, fetched);
            return fetched;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    internal override IoTDACredentials? TryGetCurrent()
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current) ? current : null;
    }

    private bool IsFresh(AkSkCredentials credentials) =>
        credentials.Expiration is not { } expiration || TimeProvider.GetUtcNow() < expiration - RefreshBefore;
}
