using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using IoTDA.Runtime;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Which credentials a general spec's client takes and where they go, from <c>components/securitySchemes</c>:
/// an API key (header, query or cookie), HTTP bearer (OAuth2 and OpenID Connect tokens are bearer tokens too) and
/// HTTP basic. Whatever else a spec declares is reported, never silently dropped.
/// </summary>
internal static class SecuritySchemes
{
    public static SecurityModel From(OpenApiDocument document, bool isHuaweiCloud, bool isSwagger2, DiagnosticSink diagnostics)
    {
        if (isHuaweiCloud)
        {
            return SecurityModel.HuaweiCloud;
        }

        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, OpenApiSecurityScheme>();
        var apiKeys = new List<(string Scheme, OpenApiSecurityScheme Definition)>();
        var bearer = false;
        var basic = false;
        foreach (var pair in schemes)
        {
            var scheme = pair.Value;
            switch (scheme?.Type)
            {
                case SecuritySchemeType.ApiKey when Location(scheme.In) is { } location && UnsendableName(scheme.Name, location) is { } problem:
                    diagnostics.Report(DiagnosticDescriptors.SecuritySchemeNotApplied, Pointer(isSwagger2, pair.Key), pair.Key, Describe(scheme), problem);
                    break;
                case SecuritySchemeType.ApiKey when Location(scheme.In) is not null:
                    apiKeys.Add((pair.Key, scheme));
                    break;
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    bearer = true;
                    break;
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                    basic = true;
                    break;
                default:
                    diagnostics.Report(DiagnosticDescriptors.SecuritySchemeNotApplied, Pointer(isSwagger2, pair.Key), pair.Key, Describe(scheme), "the client has no credentials of its kind; a DelegatingHandler on the HttpClient can add them");
                    break;
            }
        }

        var chosen = apiKeys.OrderBy(key => Preference(document, key.Scheme)).ThenBy(key => LocationRank(key.Definition.In)).FirstOrDefault();
        foreach (var other in apiKeys.Where(key => key.Scheme != chosen.Scheme))
        {
            diagnostics.Report(
                DiagnosticDescriptors.SecuritySchemeNotApplied, Pointer(isSwagger2, other.Scheme), other.Scheme, Describe(other.Definition),
                $"ApiKeyCredentials go in one place, the {Describe(chosen.Definition)} of the scheme '{chosen.Scheme}'");
        }

        return chosen.Definition is { } apiKey
            ? new SecurityModel(false, apiKey.Name, Location(apiKey.In)!, bearer, basic)
            : new SecurityModel(false, null, "Header", bearer, basic);
    }

    /// <summary>A scheme the spec's top-level requirements name comes first, in their order; the rest after.</summary>
    private static int Preference(OpenApiDocument document, string scheme)
    {
        var requirements = document.SecurityRequirements ?? new List<OpenApiSecurityRequirement>();
        for (var index = 0; index < requirements.Count; index++)
        {
            if (requirements[index]?.Keys.Any(key => key?.Reference?.Id == scheme) == true)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    /// <summary>A header first, a query parameter last: a query string ends up in servers' and proxies' logs.</summary>
    private static int LocationRank(ParameterLocation location) => location switch
    {
        ParameterLocation.Header => 0,
        ParameterLocation.Cookie => 1,
        _ => 2,
    };

    /// <summary>The runtime's <c>ApiKeyLocation</c> member for where the key goes; null for a place a key cannot go.</summary>
    private static string? Location(ParameterLocation location) => location switch
    {
        ParameterLocation.Header => "Header",
        ParameterLocation.Query => "Query",
        ParameterLocation.Cookie => "Cookie",
        _ => null,
    };

    /// <summary>Why a key of this name could not be sent there (the runtime's own rule), or null.</summary>
    private static string? UnsendableName(string? name, string location)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it names no parameter for the key";
        }

        var refused = ApiKeyNameRules.FirstRefused(name!, inQuery: location == "Query");
        if (refused >= 0)
        {
            return $"a {location.ToLowerInvariant()} name cannot hold '{name![refused]}'";
        }

        return location == "Header" && ApiKeyNameRules.IsReservedHeader(name!) ? "the request itself needs that header" : null;
    }

    private static string Describe(OpenApiSecurityScheme? scheme) => scheme?.Type switch
    {
        SecuritySchemeType.ApiKey => $"API key in the {scheme.In.ToString().ToLowerInvariant()} '{scheme.Name}'",
        SecuritySchemeType.Http => $"HTTP '{scheme.Scheme}' authentication",
        _ => "scheme of no known type",
    };

    /// <summary>Where the scheme is declared: Swagger 2.0 calls them security definitions.</summary>
    private static string Pointer(bool isSwagger2, string scheme) =>
        (isSwagger2 ? "#/securityDefinitions/" : "#/components/securitySchemes/") + JsonPointer.Escape(scheme);
}
