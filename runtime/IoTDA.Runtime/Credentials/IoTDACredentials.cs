using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>How requests prove who sends them: <see cref="AkSkCredentials"/>, <see cref="AkSkCredentialsProvider"/>
/// or <see cref="TokenCredentials"/>.</summary>
public abstract class IoTDACredentials
{
    private protected IoTDACredentials()
    {
    }

    /// <summary>The credentials to use for the next attempt (a provider refreshes them when they near expiry).</summary>
    internal abstract ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken);

    /// <summary>The credentials to use now when no fetch is needed, else null.</summary>
    internal abstract IoTDACredentials? TryGetCurrent();
}
