using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using IoTDA.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace IoTDA.Benchmarks;

/// <summary>
/// A whole unbind call against an in-memory handler that answers with the example 200 response of Huawei's
/// UnbindDevicePolicy API reference (the goal: the SDK within 1.15x the floor's time and 1.3x its allocations).
/// <list type="bullet">
/// <item><see cref="HandWrittenFloor"/>: the least a correct hand-written call does: System.Text.Json source-generated
/// serialization, one HMAC-SHA256, send, source-generated deserialization.</item>
/// <item><see cref="Sdk"/>: <see cref="IoTDAClientCore"/> as a generated client will drive it: path parameters, a body
/// written with <see cref="Utf8JsonWriter"/>, full signing, the Polly pipeline, a hand-written
/// <see cref="JsonReadFunc{T}"/>.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class UnbindCallBenchmarks
{
    private static readonly UnbindRequestBody RequestBody = new()
    {
        TargetType = UnbindRequest.TargetType,
        TargetIds = { UnbindRequest.TargetId },
    };

    private static readonly Uri RequestUri = new(UnbindRequest.Url);
    private static readonly byte[] SecretKeyBytes = Encoding.UTF8.GetBytes(UnbindRequest.SecretKey);
    private static readonly JsonReadFunc<UnbindResult> ReadResult = UnbindResultReader.Read;

    private HttpClient _floorClient = null!;
    private HttpClient _sdkHttpClient = null!;
    private IoTDAClientCore _sdk = null!;
    private IoTDAClientCore _sdkWithoutRetries = null!;
    private IoTDAClientCore _sdkWithToken = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _floorClient = new HttpClient(new CannedResponseHandler());
        _sdkHttpClient = new HttpClient(new CannedResponseHandler());
        _sdk = new IoTDAClientCore(_sdkHttpClient, new IoTDAClientOptions
        {
            Endpoint = new Uri(UnbindRequest.Endpoint),
            ProjectId = UnbindRequest.ProjectId,
            Credentials = new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey),
            LoggerFactory = NullLoggerFactory.Instance,
        });

        _sdkWithoutRetries = new IoTDAClientCore(_sdkHttpClient, new IoTDAClientOptions
        {
            Endpoint = new Uri(UnbindRequest.Endpoint),
            ProjectId = UnbindRequest.ProjectId,
            Credentials = new AkSkCredentials(UnbindRequest.AccessKey, UnbindRequest.SecretKey),
            Retry = new IoTDARetryOptions { MaxRetries = 0 },
            AttemptTimeout = TimeSpan.FromSeconds(100),
        });
        _sdkWithToken = new IoTDAClientCore(_sdkHttpClient, new IoTDAClientOptions
        {
            Endpoint = new Uri(UnbindRequest.Endpoint),
            ProjectId = UnbindRequest.ProjectId,
            Credentials = new TokenCredentials("iam-token"),
        });

        UnbindRequest.ThrowIfNotExample(await HandWrittenFloor());
        UnbindRequest.ThrowIfNotExample(await Sdk());
        UnbindRequest.ThrowIfNotExample(await Sdk_NoRetriesOneTimeout());
        UnbindRequest.ThrowIfNotExample(await Sdk_TokenAuth());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floorClient.Dispose();
        _sdkHttpClient.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<UnbindResult> HandWrittenFloor()
    {
        var sdkDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var stringToSign = "POST\n" + UnbindRequest.Path + "\n" + sdkDate;
        Span<byte> signature = stackalloc byte[32];
        HMACSHA256.HashData(SecretKeyBytes, Encoding.UTF8.GetBytes(stringToSign), signature);

        using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(RequestBody, BenchJsonContext.Default.UnbindRequestBody)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UnbindRequest.UserAgent);
        request.Headers.TryAddWithoutValidation("X-Project-Id", UnbindRequest.ProjectId);
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", sdkDate);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            "SDK-HMAC-SHA256 Access=" + UnbindRequest.AccessKey + ", SignedHeaders=host;x-sdk-date, Signature=" +
            Convert.ToHexStringLower(signature));

        using var response = await _floorClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync(BenchJsonContext.Default.UnbindResult, CancellationToken.None).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException("The response body was null.");
    }

    [Benchmark]
    public Task<UnbindResult> Sdk() => _sdk.SendAsync(CreateRequest(), ReadResult, CancellationToken.None);

    /// <summary>Breakdown: the SDK with one timeout and no retry strategies (what the Polly pipeline costs).</summary>
    [Benchmark]
    public Task<UnbindResult> Sdk_NoRetriesOneTimeout() => _sdkWithoutRetries.SendAsync(CreateRequest(), ReadResult, CancellationToken.None);

    /// <summary>Breakdown: the SDK with token authentication (what AK/SK signing costs).</summary>
    [Benchmark]
    public Task<UnbindResult> Sdk_TokenAuth() => _sdkWithToken.SendAsync(CreateRequest(), ReadResult, CancellationToken.None);

    private static IoTDARequest CreateRequest()
    {
        var request = new IoTDARequest(UnbindRequest.OperationId, HttpMethod.Post, UnbindRequest.PathTemplate);
        request.SetPathParameter("policy_id", UnbindRequest.PolicyId);
        request.SetJsonBody(RequestBody, static (writer, body) =>
        {
            writer.WriteStartObject();
            writer.WriteString("target_type"u8, body.TargetType);
            writer.WriteStartArray("target_ids"u8);
            foreach (var id in body.TargetIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return request;
    }

    /// <summary>
    /// Answers every request with a fresh 200 carrying the API reference's example body, as a socket handler would.
    /// </summary>
    private sealed class CannedResponseHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(UnbindRequest.ResponseBody);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("X-Request-Id", UnbindRequest.ResponseRequestId);
            return Task.FromResult(response);
        }
    }
}

/// <summary>What a generated model's reader does: one pass over the tokens, no reflection.</summary>
internal static class UnbindResultReader
{
    public static UnbindResult Read(ref Utf8JsonReader reader)
    {
        ExpectToken(ref reader, JsonTokenType.StartObject);
        var result = new UnbindResult();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("policy_id"u8))
            {
                reader.Read();
                result.PolicyId = reader.GetString();
            }
            else if (reader.ValueTextEquals("target_type"u8))
            {
                reader.Read();
                result.TargetType = reader.GetString();
            }
            else if (reader.ValueTextEquals("success_targets"u8))
            {
                reader.Read();
                result.SuccessTargets = ReadStrings(ref reader);
            }
            else if (reader.ValueTextEquals("failure_targets"u8))
            {
                reader.Read();
                result.FailureTargets = ReadFailures(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        ExpectToken(ref reader, JsonTokenType.EndObject);
        return result;
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectToken(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetString() ?? throw new JsonException("A target ID is null."));
        }

        return values;
    }

    private static List<UnbindFailure>? ReadFailures(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectToken(ref reader, JsonTokenType.StartArray);
        var failures = new List<UnbindFailure>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ExpectToken(ref reader, JsonTokenType.StartObject);
            var failure = new UnbindFailure();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("target_id"u8))
                {
                    reader.Read();
                    failure.TargetId = reader.GetString();
                }
                else if (reader.ValueTextEquals("error_code"u8))
                {
                    reader.Read();
                    failure.ErrorCode = reader.GetString();
                }
                else if (reader.ValueTextEquals("error_msg"u8))
                {
                    reader.Read();
                    failure.ErrorMsg = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            ExpectToken(ref reader, JsonTokenType.EndObject);
            failures.Add(failure);
        }

        return failures;
    }

    private static void ExpectToken(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected} but found {reader.TokenType}.");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UnbindRequestBody))]
[JsonSerializable(typeof(UnbindResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext
{
}
