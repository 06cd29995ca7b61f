using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace IoTDA.Runtime;

/// <summary>
/// The transport behind every generated client: builds each attempt afresh, signs it once, sends it through
/// retries and timeouts, and turns the answer into a model or a specific exception.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class IoTDAClientCore
{
    internal const string ProjectIdHeader = "X-Project-Id";
    internal const string InstanceIdHeader = "Instance-Id";

    private readonly HttpClient _httpClient;
    private readonly RequestSigner _signer;
    private readonly ResiliencePipelineSlot _pipeline;
    private readonly ILogger _logger;
    private readonly string _origin;
    private readonly string _basePath;
    private readonly SigningTarget _signingTarget;
    private readonly string _userAgent;

    public IoTDAClientCore(HttpClient httpClient, IoTDAClientOptions options)
        : this(httpClient, options, serverUrl: null)
    {
    }

    /// <param name="httpClient">The HTTP client; its base address, when set, is the endpoint.</param>
    /// <param name="options">The options; their endpoint, when set, is the endpoint.</param>
    /// <param name="serverUrl">The spec's own server, the endpoint when neither of the others names one.</param>
    public IoTDAClientCore(HttpClient httpClient, IoTDAClientOptions options, Uri? serverUrl)
        : this(httpClient, options, serverUrl, ApiSecurity.HuaweiCloud)
    {
    }

    /// <param name="httpClient">The HTTP client; its base address, when set, is the endpoint.</param>
    /// <param name="options">The options; their endpoint, when set, is the endpoint.</param>
    /// <param name="serverUrl">The spec's own server, the endpoint when neither of the others names one.</param>
    /// <param name="security">The credentials the spec takes and where they go; the options' credentials must fit.</param>
    public IoTDAClientCore(HttpClient httpClient, IoTDAClientOptions options, Uri? serverUrl, ApiSecurity security)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        (security ?? throw new ArgumentNullException(nameof(security))).ThrowIfUnfit(options.Credentials);
        OptionsValidator.ThrowIfInvalid(options);
        Endpoint = EndpointResolver.Resolve(options, httpClient.BaseAddress, serverUrl);
        _origin = Endpoint.GetLeftPart(UriPartial.Authority);
        _basePath = Endpoint.AbsolutePath.TrimEnd('/');
        _signer = new RequestSigner(options.Credentials, security, options.RegionId, options.TimeProvider);
        _signingTarget = _signer.CreateTarget(Endpoint);
        _logger = options.LoggerFactory?.CreateLogger("IoTDA.Sdk") ?? NullLogger.Instance;
        var settings = new PipelineSettings(options);
        var signer = _signer;
        var logger = _logger;
        _pipeline = new ResiliencePipelineSlot(() => ResiliencePipelineFactory.Create(settings, signer, logger));
        _userAgent = UserAgent.Create(options.UserAgentSuffix);
    }

    public IoTDAClientOptions Options { get; }

    /// <summary>The service root every request goes to.</summary>
    public Uri Endpoint { get; }

    public async Task<T> SendAsync<T>(IoTDARequest request, JsonReadFunc<T> readResponse, CancellationToken cancellationToken)
    {
        if (readResponse is null)
        {
            throw new ArgumentNullException(nameof(readResponse));
        }

        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return ReadModel(request, result, readResponse);
    }

    public async Task SendAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and reads its answer as text, in the charset the response names (UTF-8 when it names none).</summary>
    public async Task<string> SendForTextAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var charset = result.Response.Content?.Headers.ContentType?.CharSet?.Trim('"');
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException exception)
        {
            throw new IoTDAException(
                $"{request.OperationId} answered in the charset '{PathValueRules.Printable(charset!)}', which this runtime cannot decode.",
                result.Response.StatusCode, ErrorResponseReader.HeaderValue(result.Response, ErrorResponseReader.RequestIdHeader), exception);
        }

        return encoding.GetString(result.Body.ToArray());
    }

    /// <summary>
    /// Sends the request and hands back its answer's bytes as a stream. The body is already read (within
    /// <see cref="IoTDAClientOptions.MaxResponseBodyBytes"/>, like every answer), so the stream is the caller's to keep.
    /// </summary>
    public async Task<Stream> SendForStreamAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        using var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return new MemoryStream(result.Body.ToArray(), writable: false);
    }

    private async ValueTask<AttemptResult> ExecuteAsync(IoTDARequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var urlText = request.BuildUrl(_origin, _basePath, Options.ProjectId);
        var url = new Uri(urlText, UriKind.Absolute);
        var pathAndQuery = urlText.AsMemory(_origin.Length);
        var started = Options.TimeProvider.GetTimestamp();
        using var activity = IoTDATelemetry.ActivitySource.StartActivity(request.OperationId, ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.full", url.GetLeftPart(UriPartial.Path));

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        AttemptResult? result = null;
        string? failure = null;
        try
        {
            await request.ReadStreamBodyAsync(cancellationToken).ConfigureAwait(false);

            // Made once per call: where each seekable file starts is fixed now, so every attempt sends the same bytes.
            var form = request.FormParts.Count > 0 ? new MultipartFormBody(request.OperationId, request.FormParts) : null;
            var pipeline = await _pipeline.GetAsync().ConfigureAwait(false);
            result = await pipeline.ExecuteAsync(
                static (attemptContext, state) => state.Core.SendAttemptAsync(state.Request, state.Form, state.Url, state.PathAndQuery, attemptContext.CancellationToken),
                context,
                (Core: this, Request: request, Form: form, Url: url, PathAndQuery: pathAndQuery)).ConfigureAwait(false);

            if (!result.IsSuccess)
            {
                var error = ErrorResponseReader.Create(request.OperationId, result.Response, result.ContiguousBody, result.BodyTruncated);
                failure = error.ErrorCode ?? ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw error;
            }

            if (result.BodyTruncated)
            {
                failure = "body_too_large";
                throw TooLarge(request, result.Response);
            }

            return result;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled";
            throw new OperationCanceledException($"{request.OperationId} was cancelled by the caller.", exception, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or OperationCanceledException)
        {
            failure = "timeout";
            throw new TimeoutException(
                $"{request.OperationId} did not complete within its time limit (Timeout {Options.Timeout}, AttemptTimeout {Options.AttemptTimeout}).",
                exception);
        }
        catch (HttpRequestException exception)
        {
            failure = "connection";
            throw new IoTDAException(
                $"{request.OperationId} could not reach {Endpoint.GetLeftPart(UriPartial.Authority)}: {exception.Message}",
                statusCode: null, requestId: null, exception);
        }
        catch (FilePartReadException exception)
        {
            // The caller's stream failed (its exception is the cause), or an earlier attempt left it half read (no cause).
            failure = "file_unreadable";
            throw new IoTDAException(exception.Message, statusCode: null, requestId: null, exception.InnerException);
        }
        catch (IoTDAException) when (failure is null)
        {
            // Inside an attempt only the redirect check throws one.
            failure = "redirect";
            throw;
        }
        catch (IOException exception)
        {
            failure = "incomplete_body";
            throw new IoTDAException(
                $"{request.OperationId}: the response from {_origin} ended before its body was complete: {exception.Message}",
                statusCode: null, requestId: null, exception);
        }
        catch (Exception exception) when (failure is null)
        {
            // A failure of ours or of a caller's handler: it reaches the caller as itself, and the log names it.
            failure = exception.GetType().Name;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            var elapsed = Options.TimeProvider.GetElapsedTime(started);
            Record(request, result, elapsed, failure, activity);
            if (failure is not null)
            {
                result?.Dispose();
            }
        }
    }

    private async ValueTask<AttemptResult> SendAttemptAsync(
        IoTDARequest request, MultipartFormBody? form, Uri url, ReadOnlyMemory<char> pathAndQuery, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, url);
        if (form is not null)
        {
            await form.PrepareAsync(cancellationToken).ConfigureAwait(false);
            message.Content = form.CreateContent();
        }
        else if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.Raw?.MediaType ?? "application/json");
        }

        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (Options.ProjectId is { } projectId)
        {
            headers.TryAddWithoutValidation(ProjectIdHeader, projectId);
        }

        // By index: foreach over the interface would box the list's enumerator on every attempt.
        var hasInstanceId = false;
        var requestHeaders = request.Headers;
        for (var i = 0; i < requestHeaders.Count; i++)
        {
            var header = requestHeaders[i];
            headers.TryAddWithoutValidation(header.Key, header.Value);
            hasInstanceId |= string.Equals(header.Key, InstanceIdHeader, StringComparison.OrdinalIgnoreCase);
        }

        if (!hasInstanceId && Options.InstanceId is { } instanceId)
        {
            headers.TryAddWithoutValidation(InstanceIdHeader, instanceId);
        }

        // A form is not hashed: files may be large, and Huawei's gateway accepts UNSIGNED-PAYLOAD for bodies that are not JSON.
        await (form is null
            ? _signer.SignAsync(message, request.Body ?? ReadOnlyMemory<byte>.Empty, _signingTarget, pathAndQuery, cancellationToken)
            : _signer.SignUnsignedPayloadAsync(message, _signingTarget, pathAndQuery, cancellationToken)).ConfigureAwait(false);
        var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Redirects.ThrowIfFollowed(response, url, request.OperationId);
        return await AttemptResult.ReadAsync(response, Options.MaxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
    }

    private IoTDAException TooLarge(IoTDARequest request, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var requestId = ErrorResponseReader.HeaderValue(response, ErrorResponseReader.RequestIdHeader);
        return new IoTDAException(
            $"{request.OperationId} got HTTP {(int)status} ({status}) with a body longer than IoTDAClientOptions.MaxResponseBodyBytes " +
            $"({Options.MaxResponseBodyBytes} bytes); raise that option to read it. [request ID {requestId ?? "none"}]",
            status, requestId);
    }

    private static T ReadModel<T>(IoTDARequest request, AttemptResult result, JsonReadFunc<T> readResponse)
    {
        try
        {
            var reader = new Utf8JsonReader(result.Body);
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            return readResponse(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            var status = result.Response.StatusCode;
            var requestId = ErrorResponseReader.HeaderValue(result.Response, ErrorResponseReader.RequestIdHeader);
            throw new IoTDAException(
                $"{request.OperationId} got HTTP {(int)status} ({status}) but the body is not the expected JSON: {exception.Message} " +
                $"[request ID {requestId ?? "none"}]",
                status, requestId, exception);
        }
    }

    /// <summary>Logs the path template, not the expanded path: IDs stay out of logs and metrics stay low-cardinality.</summary>
    private void Record(IoTDARequest request, AttemptResult? result, TimeSpan elapsed, string? failure, Activity? activity)
    {
        var status = result is null ? 0 : (int)result.Response.StatusCode;
        if (failure is null)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.CallCompleted(_logger, request.OperationId, request.Method.Method, request.PathTemplate, status, elapsed,
                    ErrorResponseReader.HeaderValue(result!.Response, ErrorResponseReader.RequestIdHeader));
            }
        }
        else
        {
            Log.CallFailed(_logger, request.OperationId, request.Method.Method, request.PathTemplate, elapsed,
                status == 0 ? failure : "HTTP " + status + " " + failure);
        }

        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", status);
            if (failure is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure);
                activity.SetTag("error.type", failure);
            }
        }

        if (IoTDATelemetry.RequestDuration.Enabled)
        {
            var tags = new TagList
            {
                { "iotda.operation", request.OperationId },
                { "http.request.method", request.Method.Method },
                { "http.response.status_code", status },
            };
            if (failure is not null)
            {
                tags.Add("error.type", failure);
            }

            IoTDATelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        }
    }
}
