using System;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// A bearer token (<c>Authorization: Bearer ...</c>) for a spec's HTTP bearer, OAuth2 or OpenID Connect scheme: a
/// fixed token, or a function asked for the token before every attempt (it caches and refreshes as its token
/// service requires, for example an OAuth2 client-credentials grant).
/// </summary>
public sealed class BearerTokenCredentials : IoTDACredentials
{
    private readonly Func<CancellationToken, ValueTask<string>>? _fetch;
    private readonly string? _authorizationValue;

    public BearerTokenCredentials(string token)
        : this(fetch: null, AuthorizationFor("The bearer token", AkSkCredentials.RequireText(token, nameof(token), "bearer token"), nameof(token)))
    {
    }

    public BearerTokenCredentials(Func<CancellationToken, ValueTask<string>> fetchToken)
        : this(fetchToken ?? throw new ArgumentNullException(nameof(fetchToken)), authorizationValue: null)
    {
    }

    private BearerTokenCredentials(Func<CancellationToken, ValueTask<string>>? fetch, string? authorizationValue)
    {
        _fetch = fetch;
        _authorizationValue = authorizationValue;
    }

    internal string AuthorizationValue => _authorizationValue ?? throw new InvalidOperationException("A token function's credentials are resolved before use.");

    public override string ToString() => _fetch is null ? "BearerTokenCredentials(Token=***)" : "BearerTokenCredentials(fetched)";

    internal override async ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_fetch is null)
        {
            return this;
        }

        var token = await _fetch(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("The bearer token function returned " + (token is null ? "null." : "an empty token."));
        }

        return new BearerTokenCredentials(fetch: null, AuthorizationFor("The token the bearer token function returned", token, "fetchToken"));
    }

    internal override IoTDACredentials? TryGetCurrent() => _fetch is null ? this : null;

    private static string AuthorizationFor(string subject, string token, string paramName)
    {
        HeaderValueRules.ThrowIfInvalidSecret(subject, paramName, token);
        return "Bearer " + token;
    }
}
