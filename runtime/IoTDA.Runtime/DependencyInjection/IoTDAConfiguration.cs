using System;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace IoTDA.Runtime;

/// <summary>
/// Reads options from flat keys, without reflection: <c>Endpoint</c>, <c>RegionId</c>, <c>ProjectId</c>,
/// <c>InstanceId</c>, <c>AccessKey</c>, <c>SecretKey</c>, <c>SecurityToken</c>, <c>Signing</c>
/// (Auto|Basic|Derived), <c>Token</c>, <c>ApiKey</c>, <c>BearerToken</c>, <c>UserName</c> and <c>Password</c>, <c>Timeout</c>, <c>AttemptTimeout</c>, <c>MaxRetries</c>,
/// <c>UserAgentSuffix</c>. Time spans are <c>hh:mm:ss</c>. A bad value names its key; a secret is never echoed.
/// </summary>
public static class IoTDAConfiguration
{
    public static void Bind(IConfiguration configuration, IoTDAClientOptions options)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (Read(configuration, "Endpoint") is { } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(configuration, "Endpoint", endpoint, "an absolute URI such as https://iotda.cn-north-4.myhuaweicloud.com");
        }

        options.RegionId = Read(configuration, "RegionId") ?? options.RegionId;
        options.ProjectId = Read(configuration, "ProjectId") ?? options.ProjectId;
        options.InstanceId = Read(configuration, "InstanceId") ?? options.InstanceId;
        options.UserAgentSuffix = Read(configuration, "UserAgentSuffix") ?? options.UserAgentSuffix;
        options.Credentials = ReadCredentials(configuration) ?? options.Credentials;

        if (Read(configuration, "Timeout") is { } timeout)
        {
            options.Timeout = ParseTimeSpan(configuration, "Timeout", timeout);
        }

        if (Read(configuration, "AttemptTimeout") is { } attemptTimeout)
        {
            options.AttemptTimeout = ParseTimeSpan(configuration, "AttemptTimeout", attemptTimeout);
        }

        if (Read(configuration, "MaxRetries") is { } maxRetries)
        {
            options.Retry.MaxRetries = int.TryParse(maxRetries, NumberStyles.None, CultureInfo.InvariantCulture, out var retries)
                ? retries
                : throw Invalid(configuration, "MaxRetries", maxRetries, "a whole number from 0 to 100");
        }
    }

    private static IoTDACredentials? ReadCredentials(IConfiguration configuration)
    {
        var accessKey = Read(configuration, "AccessKey");
        var secretKey = Read(configuration, "SecretKey");
        var token = Read(configuration, "Token");
        var apiKey = Read(configuration, "ApiKey");
        var bearerToken = Read(configuration, "BearerToken");
        var userName = Read(configuration, "UserName");
        // Raw: spaces may belong to a password, and an empty one is a password too.
        var password = configuration["Password"];
        var ways = new[]
        {
            accessKey is not null || secretKey is not null ? "AccessKey/SecretKey" : null,
            token is not null ? "Token" : null,
            apiKey is not null ? "ApiKey" : null,
            bearerToken is not null ? "BearerToken" : null,
            userName is not null || password is not null ? "UserName/Password" : null,
        }.Where(way => way is not null).ToArray();
        if (ways.Length > 1)
        {
            throw new InvalidOperationException(
                $"Configuration {string.Join(" and ", ways.Select(way => "'" + Path(configuration, way!) + "'"))} are set together; use one way to authenticate.");
        }

        if (token is not null)
        {
            return new TokenCredentials(token);
        }

        if (apiKey is not null)
        {
            return new ApiKeyCredentials(apiKey);
        }

        if (bearerToken is not null)
        {
            return new BearerTokenCredentials(bearerToken);
        }

        if (userName is not null || password is not null)
        {
            return userName is not null && password is not null
                ? new BasicCredentials(userName, password)
                : throw new InvalidOperationException(
                    $"Configuration '{Path(configuration, userName is null ? "UserName" : "Password")}' is missing; UserName and Password go together.");
        }

        if (accessKey is null && secretKey is null)
        {
            return null;
        }

        if (accessKey is null || secretKey is null)
        {
            var missing = accessKey is null ? "AccessKey" : "SecretKey";
            throw new InvalidOperationException($"Configuration '{Path(configuration, missing)}' is missing; AccessKey and SecretKey go together.");
        }

        var credentials = new AkSkCredentials(accessKey, secretKey, Read(configuration, "SecurityToken"));
        if (Read(configuration, "Signing") is { } signing)
        {
            credentials.Signing = signing.ToUpperInvariant() switch
            {
                "AUTO" => AkSkSigning.Auto,
                "BASIC" => AkSkSigning.Basic,
                "DERIVED" => AkSkSigning.Derived,
                _ => throw Invalid(configuration, "Signing", signing, "Auto, Basic or Derived"),
            };
        }

        return credentials;
    }

    private static TimeSpan ParseTimeSpan(IConfiguration configuration, string key, string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Invalid(configuration, key, value, "a time span such as 00:00:30");

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static InvalidOperationException Invalid(IConfiguration configuration, string key, string value, string expected) =>
        new($"Configuration '{Path(configuration, key)}' is '{value}'; expected {expected}.");

    private static string Path(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section ? section.Path + ":" + key : key;
}
