using System;

namespace IoTDA.Runtime;

internal static class OptionsValidator
{
    internal static void ThrowIfInvalid(IoTDAClientOptions options)
    {
        if (options.ProjectId is not null)
        {
            RequireSingleLineText(options.ProjectId, "ProjectId");
            PathValueRules.ThrowIfInvalid("ProjectId", options.ProjectId);
        }

        if (options.InstanceId is not null)
        {
            RequireSingleLineText(options.InstanceId, "InstanceId");
        }

        if (options.RegionId is not null && !HuaweiHosts.IsRegionId(options.RegionId))
        {
            throw new ArgumentException(
                $"IoTDAClientOptions.RegionId is '{PathValueRules.Printable(options.RegionId)}'; expected a region ID such as cn-north-4.",
                nameof(options));
        }

        if (options.UserAgentSuffix is not null)
        {
            RequireSingleLineText(options.UserAgentSuffix, "UserAgentSuffix");
        }

        if (options.MaxResponseBodyBytes <= 0)
        {
            throw new ArgumentException(
                $"IoTDAClientOptions.MaxResponseBodyBytes is {options.MaxResponseBodyBytes}; expected a positive number of bytes (64 MiB by default).",
                nameof(options));
        }

        RequireTimeout(options.Timeout, "Timeout");
        RequireTimeout(options.AttemptTimeout, "AttemptTimeout");
        if (options.Retry is null)
        {
            throw new ArgumentException("IoTDAClientOptions.Retry must not be null.", nameof(options));
        }

        if (options.Retry.MaxRetries < 0 || options.Retry.MaxRetries > 100)
        {
            throw new ArgumentException($"IoTDAClientOptions.Retry.MaxRetries is {options.Retry.MaxRetries}; expected 0 to 100.", nameof(options));
        }

        RequireDelay(options.Retry.BaseDelay, "Retry.BaseDelay");
        RequireDelay(options.Retry.MaxDelay, "Retry.MaxDelay");
        if (options.TimeProvider is null)
        {
            throw new ArgumentException("IoTDAClientOptions.TimeProvider must not be null.", nameof(options));
        }
    }

    private static void RequireSingleLineText(string value, string name)
    {
        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"IoTDAClientOptions.{name} must not be empty or whitespace.", "options");
        }

        HeaderValueRules.ThrowIfInvalid("IoTDAClientOptions." + name, "options", value);
    }

    /// <summary>The range Polly's retry strategy accepts for its delays (above zero here: a zero back-off is a busy loop).</summary>
    private static void RequireDelay(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"IoTDAClientOptions.{name} is {value}; expected more than zero and at most 1 day.", "options");
        }
    }

    /// <summary>The range Polly's timeout strategy accepts.</summary>
    private static void RequireTimeout(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"IoTDAClientOptions.{name} is {value}; expected 10 ms to 1 day.", "options");
        }
    }
}
