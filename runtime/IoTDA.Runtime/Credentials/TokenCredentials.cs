using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>An IAM token, sent as <c>X-Auth-Token</c> instead of an AK/SK signature.</summary>
public sealed class TokenCredentials : IoTDACredentials
{
    public TokenCredentials(string token)
    {
        Token = AkSkCredentials.RequireText(token, nameof(token), "token");
    }

    internal string Token { get; }

    public override string ToString() => "TokenCredentials(Token=***)";

    internal override ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken) => new(this);

    internal override IoTDACredentials TryGetCurrent() => this;
}
