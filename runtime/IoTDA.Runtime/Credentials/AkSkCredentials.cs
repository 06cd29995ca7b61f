using System;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>
/// An access key and secret key (and, for temporary credentials, a security token) that sign every request.
/// The secret never appears in <see cref="ToString"/>, a log line or an exception message.
/// </summary>
public sealed class AkSkCredentials : IoTDACredentials
{
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    private SigningKey? _basicKey;

    public AkSkCredentials(string accessKey, string secretKey, string? securityToken = null)
    {
        AccessKey = RequireText(accessKey, nameof(accessKey), "access key");
        SecretKey = RequireText(secretKey, nameof(secretKey), "secret key");
        if (securityToken is not null)
        {
            SecurityToken = RequireText(securityToken, nameof(securityToken), "security token");
        }
    }

    public string AccessKey { get; }

    internal string SecretKey { get; }

    internal string? SecurityToken { get; }

    /// <summary>True for temporary credentials, which carry a security token.</summary>
    public bool HasSecurityToken => SecurityToken is not null;

    /// <summary>Which signing algorithm to use; <see cref="AkSkSigning.Auto"/> by default.</summary>
    public AkSkSigning Signing { get; set; }

    /// <summary>When temporary credentials stop working; <see cref="AkSkCredentialsProvider"/> refreshes before then.</summary>
    public DateTimeOffset? Expiration { get; set; }

    internal SigningKey BasicKey => _basicKey ??= SigningKey.Basic(SecretKey);

    /// <summary>Cached derived key: it depends only on the day, region and service, so one a day is enough.</summary>
    internal SigningKey? LastDerivedKey { get; set; }

    /// <summary>
    /// Reads <c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_SK</c> and, if set, <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>,
    /// the variables Huawei's own tools use.
    /// </summary>
    public static AkSkCredentials FromEnvironment()
    {
        var accessKey = Environment.GetEnvironmentVariable(AccessKeyVariable);
        var secretKey = Environment.GetEnvironmentVariable(SecretKeyVariable);
        if (string.IsNullOrWhiteSpace(accessKey) || string.IsNullOrWhiteSpace(secretKey))
        {
            var missing = string.IsNullOrWhiteSpace(accessKey) && string.IsNullOrWhiteSpace(secretKey)
                ? AccessKeyVariable + " and " + SecretKeyVariable
                : string.IsNullOrWhiteSpace(accessKey) ? AccessKeyVariable : SecretKeyVariable;
            throw new InvalidOperationException($"AK/SK credentials were asked for from the environment, but {missing} is not set.");
        }

        var token = Environment.GetEnvironmentVariable(SecurityTokenVariable);
        return new AkSkCredentials(accessKey!, secretKey!, string.IsNullOrWhiteSpace(token) ? null : token);
    }

    public override string ToString() =>
        $"AkSkCredentials(AccessKey={AccessKey}, SecretKey=***, SecurityToken={(HasSecurityToken ? "***" : "none")}, Signing={Signing})";

    internal override ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken) => new(this);

    internal override IoTDACredentials TryGetCurrent() => this;

    internal static string RequireText(string? value, string parameterName, string what)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, $"The {what} is required.");
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"The {what} must not be empty or whitespace.", parameterName);
        }

        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            throw new ArgumentException($"The {what} must be a single line; it contains CR or LF.", parameterName);
        }

        return value;
    }
}
