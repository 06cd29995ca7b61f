using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>
/// What a generated client's spec says about authentication, so the client takes the credentials that fit and
/// applies them as the spec says. A Huawei Cloud spec needs AK/SK or an IAM token; any other spec needs nothing
/// unless it declares a scheme, and then takes the credentials of that scheme (AK/SK too, when given).
/// </summary>
public sealed class ApiSecurity
{
    private ApiSecurity(bool huaweiCloud, string? apiKeyName, ApiKeyLocation apiKeyLocation, bool bearer, bool basic)
    {
        IsHuaweiCloud = huaweiCloud;
        ApiKeyName = apiKeyName;
        ApiKeyLocation = apiKeyLocation;
        AcceptsBearer = bearer;
        AcceptsBasic = basic;
    }

    /// <summary>A Huawei Cloud API: AK/SK signing (or an IAM token), required.</summary>
    public static ApiSecurity HuaweiCloud { get; } = new(huaweiCloud: true, null, ApiKeyLocation.Header, bearer: false, basic: false);

    /// <summary>A spec's security schemes: at most one API key (its name and place), bearer tokens, basic authentication.</summary>
    public static ApiSecurity Schemes(string? apiKeyName, ApiKeyLocation apiKeyLocation, bool bearer, bool basic)
    {
        if (apiKeyName is not null)
        {
            AkSkCredentials.RequireText(apiKeyName, nameof(apiKeyName), "API key's parameter name");
            var refused = ApiKeyNameRules.FirstRefused(apiKeyName, inQuery: apiKeyLocation == ApiKeyLocation.Query);
            if (refused >= 0)
            {
                throw new ArgumentException(
                    $"The API key's {apiKeyLocation.ToString().ToLowerInvariant()} name '{PathValueRules.Printable(apiKeyName)}' holds " +
                    $"'{PathValueRules.Printable(apiKeyName[refused].ToString())}', which such a name cannot carry.",
                    nameof(apiKeyName));
            }

            if (apiKeyLocation == ApiKeyLocation.Header && ApiKeyNameRules.IsReservedHeader(apiKeyName))
            {
                throw new ArgumentException($"The API key's header '{apiKeyName}' is one the request itself needs.", nameof(apiKeyName));
            }
        }

        return new(huaweiCloud: false, apiKeyName, apiKeyLocation, bearer, basic);
    }

    public bool IsHuaweiCloud { get; }

    /// <summary>The header, query parameter or cookie an API key goes in; null when the spec takes none.</summary>
    public string? ApiKeyName { get; }

    public ApiKeyLocation ApiKeyLocation { get; }

    public bool AcceptsBearer { get; }

    public bool AcceptsBasic { get; }

    /// <summary>Refuses credentials this spec has no place for, naming what it does take.</summary>
    internal void ThrowIfUnfit(IoTDACredentials? credentials)
    {
        var fits = credentials switch
        {
            null => !IsHuaweiCloud,
            AkSkCredentials or AkSkCredentialsProvider => true,
            TokenCredentials => IsHuaweiCloud,
            ApiKeyCredentials => ApiKeyName is not null,
            BearerTokenCredentials => AcceptsBearer,
            BasicCredentials => AcceptsBasic,
            _ => false,
        };
        if (fits)
        {
            if (credentials is ApiKeyCredentials apiKey && ApiKeyLocation == ApiKeyLocation.Cookie && apiKey.Key.IndexOfAny(IoTDARequest.CookieValueStops) is var bad and >= 0)
            {
                // The key is a secret: the message names the character, never the key.
                throw new ArgumentException(
                    $"The API key goes in the cookie '{ApiKeyName}' but holds '{PathValueRules.Printable(apiKey.Key[bad].ToString())}' at position {bad}; " +
                    "a cookie value may not hold ';', ',', whitespace or '\"'.",
                    "options");
            }

            return;
        }

        throw new ArgumentException(
            credentials is null
                ? "IoTDAClientOptions.Credentials is required: " + Accepted() + "."
                : $"IoTDAClientOptions.Credentials is a {credentials.GetType().Name}, which this client's spec has no place for; it takes {Accepted()}.",
            "options");
    }

    private string Accepted()
    {
        if (IsHuaweiCloud)
        {
            return "AkSkCredentials, AkSkCredentialsProvider or TokenCredentials";
        }

        var accepted = new List<string>();
        if (ApiKeyName is not null)
        {
            accepted.Add($"ApiKeyCredentials (in the {ApiKeyLocation.ToString().ToLowerInvariant()} '{ApiKeyName}')");
        }

        if (AcceptsBearer)
        {
            accepted.Add("BearerTokenCredentials");
        }

        if (AcceptsBasic)
        {
            accepted.Add("BasicCredentials");
        }

        accepted.Add("AK/SK (AkSkCredentials, AkSkCredentialsProvider), which are signed as given");
        return string.Join(", ", accepted);
    }
}
