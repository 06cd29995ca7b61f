using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Emulator.Http.Operations;
using IoTDA.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace IoTDA.Emulator.Http;

/// <summary>
/// The gateway in front (request ID, body, authentication) and the routes behind it. Every handler is a
/// <see cref="RequestDelegate"/>, so no parameter binding by reflection is involved.
/// </summary>
internal static class EmulatorPipeline
{
    internal const string RequestIdHeader = "X-Request-Id";
    internal const string InstanceIdHeader = "Instance-Id";
    private static readonly object ReceivedRequestKey = new();

    public static void Configure(WebApplication app, IoTDAEmulatorOptions options, EmulatorState state, Action<string>? requestLog)
    {
        if (requestLog is not null)
        {
            app.Use(async (context, next) =>
            {
                await next(context).ConfigureAwait(false);
                requestLog(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.UtcNow:HH:mm:ss} {context.Request.Method} {context.Request.Path}{context.Request.QueryString} -> {context.Response.StatusCode} [{context.Response.Headers[RequestIdHeader]}]"));
            });
        }

        var authenticator = new GatewayAuthenticator(options);
        app.Use((context, next) => GatewayAsync(context, next, authenticator, options));

        foreach (var operation in ApiOperations.All)
        {
            app.MapMethods(operation.Template, [operation.Method], Endpoint(operation.Handler ?? new NotImplementedOperation(operation), state, options));
        }

        app.MapFallback(context => WriteJsonAsync(context, StatusCodes.Status404NotFound, writer => ResponseWriter.WriteError(
            writer, EmulatorErrorCodes.GatewayApiNotFound, "The API does not exist or has not been published in the environment.",
            ((ReceivedRequest)context.Items[ReceivedRequestKey]!).RequestId)));
    }

    private static async Task GatewayAsync(HttpContext context, RequestDelegate next, GatewayAuthenticator authenticator, IoTDAEmulatorOptions options)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.Response.Headers[RequestIdHeader] = requestId;

        var failure = authenticator.CheckHeaders(context.Request, out var signature);
        var body = Array.Empty<byte>();
        if (failure is null)
        {
            using (var buffer = new MemoryStream())
            {
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                body = buffer.ToArray();
            }

            if (signature is not null)
            {
                // The raw target is the path and query exactly as sent, still escaped: what the client signed.
                var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
                if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
                {
                    rawTarget = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
                }

                failure = authenticator.VerifySignature(context.Request, rawTarget, body, signature);
            }
        }

        if (failure is not null)
        {
            await WriteJsonAsync(context, failure.StatusCode, writer => ResponseWriter.WriteError(
                writer, failure.ErrorCode, failure.Message, failure.IncludeRequestId ? requestId : null)).ConfigureAwait(false);
            return;
        }

        var instanceId = context.Request.Headers[InstanceIdHeader].ToString();
        context.Items[ReceivedRequestKey] = new ReceivedRequest(
            requestId, body, string.IsNullOrWhiteSpace(instanceId) ? options.InstanceId : instanceId.Trim());
        await next(context).ConfigureAwait(false);
    }

    private static RequestDelegate Endpoint(OperationHandler operation, EmulatorState state, IoTDAEmulatorOptions options) =>
        context =>
        {
            var request = (ReceivedRequest)context.Items[ReceivedRequestKey]!;
            ApiResponse response;
            try
            {
                var projectId = context.Request.RouteValues["project_id"] as string;
                if (!string.Equals(projectId, options.ProjectId, StringComparison.Ordinal))
                {
                    throw new ApiError(StatusCodes.Status403Forbidden, EmulatorErrorCodes.ProjectMismatch,
                        $"The project '{projectId}' in the path is not the project of these credentials.");
                }

                response = operation.Handle(new OperationCall(context, request, state, options));
            }
            catch (ApiError error)
            {
                return WriteJsonAsync(context, error.StatusCode, writer => ResponseWriter.WriteError(writer, error.ErrorCode, error.Message, null));
            }

            if (response.WriteBody is null)
            {
                context.Response.StatusCode = response.StatusCode;
                return Task.CompletedTask;
            }

            return WriteJsonAsync(context, response.StatusCode, response.WriteBody);
        };

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
