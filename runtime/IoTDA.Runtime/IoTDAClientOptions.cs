using System;
using Microsoft.Extensions.Logging;

namespace IoTDA.Runtime;

/// <summary>Where and how a generated client talks to IoTDA. Every property has a plain setter.</summary>
public sealed class IoTDAClientOptions
{
    /// <summary>
    /// The service root, e.g. <c>https://xxxx.st1.iotda-app.cn-north-4.myhuaweicloud.com</c>. When null, the public
    /// endpoint of <see cref="RegionId"/> is used, else the HttpClient's BaseAddress, else (for a client generated from
    /// a general spec) the spec's first server. Whichever is used is taken whole, its path included: an endpoint given
    /// here replaces the spec's server, base path and all.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region, e.g. <c>cn-north-4</c>: picks the public endpoint and scopes derived signatures.</summary>
    public string? RegionId { get; set; }

    /// <summary>The project ID that fills <c>{project_id}</c> in every path and the signed <c>X-Project-Id</c> header.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The <c>Instance-Id</c> header sent when a call does not pass one.</summary>
    public string? InstanceId { get; set; }

    public IoTDACredentials? Credentials { get; set; }

    /// <summary>The longest a call may take, every retry and back-off included; 100 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest one attempt may take; 30 seconds by default.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IoTDARetryOptions Retry { get; set; } = new();

    /// <summary>The clock for signatures, timeouts and back-off; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Appended to the <c>User-Agent</c>, e.g. <c>my-app/1.2</c>.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>
    /// By default a batched call (<c>...InBatchesAsync</c>) whose batch got no usable answer marks that batch's IDs
    /// <see cref="BatchCollector.OutcomeUnknownErrorCode"/> and goes on with the next. Set this to stop there
    /// instead: the IDs never sent come back as <see cref="BatchCollector.NotSentErrorCode"/>, so a caller can check
    /// the service before sending more.
    /// </summary>
    public bool StopBatchesAtUnknownOutcome { get; set; }

    /// <summary>
    /// The most bytes of a 2xx body that are read; 64 MiB by default. A longer body (or a longer Content-Length) is an
    /// <see cref="IoTDAException"/> instead of a process that runs out of memory.
    /// </summary>
    public int MaxResponseBodyBytes { get; set; } = 64 * 1024 * 1024;
}

/// <summary>
/// Retries on connection failures, bodies that end early, 429, 502, 503 and 504, with exponential back-off and
/// jitter; a <c>Retry-After</c> header wins over the computed delay.
/// </summary>
public sealed class IoTDARetryOptions
{
    /// <summary>Retries after the first attempt; 3 by default, 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; it doubles each retry. 500 ms by default.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No back-off (nor Retry-After) waits longer than this; 30 seconds by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// POST is not idempotent: by default it is retried only when it never reached the server (the connection
    /// failed, or the gateway answered 429 before handing it on). Set this to retry it on 502, 503, 504, attempt
    /// timeouts and bodies that end early too.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }
}
