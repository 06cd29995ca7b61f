using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// An API key, sent where the spec's <c>apiKey</c> security scheme says: a header, a query parameter or a cookie of
/// the name it gives (<see cref="ApiSecurity"/>).
/// </summary>
public sealed class ApiKeyCredentials : IoTDACredentials
{
    public ApiKeyCredentials(string key)
    {
        Key = AkSkCredentials.RequireText(key, nameof(key), "API key");
        HeaderValueRules.ThrowIfInvalidSecret("The API key", nameof(key), Key);
    }

    internal string Key { get; }

    public override string ToString() => "ApiKeyCredentials(Key=***)";

    internal override ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken) => new(this);

    internal override IoTDACredentials TryGetCurrent() => this;
}
