using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Signing;

// The vectors' inputs, the generated samples, and the handler that captures what would go on the wire.
public sealed partial class SignerPropertyTests
{
    private static IReadOnlyList<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToArray();

    private static IReadOnlyList<KeyValuePair<string, string>> VectorAHeaders() =>
        Headers(("X-Sdk-Date", "20191115T033655Z"), ("TEST_UNDERSCORE", "TEST_VALUE"), ("host", "service.region.example.com"));

    private static ReferenceRequest VectorCGet() =>
        new("GET", "/path?limit=1", Headers(("X-Sdk-Date", "20060102T150405Z")), Array.Empty<byte>());

    private static ReferenceRequest VectorCPost() =>
        new(
            "POST",
            "/path?key=value",
            Headers(("X-Sdk-Date", "20060102T150405Z"), ("Content-Type", "application/json")),
            Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}\n"));

    private static string Describe(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(", ", headers.Select(h => "[" + h.Key + ": '" + h.Value + "']"));

    public sealed class SignerSample
    {
        public SignerSample(
            string method, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body,
            IReadOnlyList<string>? signedHeaders, string accessKey, string secretKey, string region, string service)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Headers = headers;
            Body = body;
            SignedHeaders = signedHeaders;
            AccessKey = accessKey;
            SecretKey = secretKey;
            Region = region;
            Service = service;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public byte[] Body { get; }

        public IReadOnlyList<string>? SignedHeaders { get; }

        public string AccessKey { get; }

        public string SecretKey { get; }

        public string Region { get; }

        public string Service { get; }

        public override string ToString() =>
            $"{Method} {PathAndQuery} headers {Describe(Headers)} signed [{(SignedHeaders is null ? "default" : string.Join(";", SignedHeaders))}] " +
            $"body {Convert.ToHexString(Body)} AK '{AccessKey}' SK '{SecretKey}' region '{Region}' service '{Service}'";
    }

    public sealed class HandlerSample
    {
        public HandlerSample(
            string uriHost, string host, string expectedHostHeader, string? region, AkSkSigning signing, string method, string pathAndQuery,
            IReadOnlyList<KeyValuePair<string, string>> headers, int contentKind, byte[] body, string accessKey, string secretKey,
            string? securityToken, string? service, DateTimeOffset now, string? callerSdkDate, TimeSpan[] clockSteps)
        {
            UriHost = uriHost;
            Host = host;
            ExpectedHostHeader = expectedHostHeader;
            Region = region;
            Signing = signing;
            Method = method;
            PathAndQuery = pathAndQuery;
            Headers = headers;
            ContentKind = contentKind;
            AccessKey = accessKey;
            SecretKey = secretKey;
            SecurityToken = securityToken;
            Service = service;
            Now = now;
            CallerSdkDate = callerSdkDate;
            ClockSteps = clockSteps;
            BodyBytes = contentKind == 0 ? Array.Empty<byte>() : contentKind == 1 ? body : Encoding.UTF8.GetBytes(BodyText(body));
            RawBody = body;
        }

        public string UriHost { get; }

        public string Host { get; }

        public string ExpectedHostHeader { get; }

        public string? Region { get; }

        public AkSkSigning Signing { get; }

        public string Method { get; }

        public string PathAndQuery { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>0: no content; 1: ByteArrayContent; 2: StringContent (UTF-8 JSON).</summary>
        public int ContentKind { get; }

        public byte[] RawBody { get; }

        public byte[] BodyBytes { get; }

        public string AccessKey { get; }

        public string SecretKey { get; }

        public string? SecurityToken { get; }

        public string? Service { get; }

        public DateTimeOffset Now { get; }

        public string? CallerSdkDate { get; }

        public TimeSpan[] ClockSteps { get; }

        public HttpRequestMessage CreateRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), new Uri("https://" + UriHost + PathAndQuery));
            foreach (var header in Headers)
            {
                Assert.True(request.Headers.TryAddWithoutValidation(header.Key, header.Value), "header " + header.Key);
            }

            if (CallerSdkDate is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Sdk-Date", CallerSdkDate);
            }

            request.Content = ContentKind switch
            {
                0 => null,
                1 => new ByteArrayContent(RawBody),
                _ => new StringContent(BodyText(RawBody), Encoding.UTF8, "application/json"),
            };
            return request;
        }

        public override string ToString() =>
            $"{Method} https://{UriHost}{PathAndQuery} region '{Region}' signing {Signing} headers {Describe(Headers)} content {ContentKind} " +
            $"body {Convert.ToHexString(BodyBytes)} AK '{AccessKey}' SK '{SecretKey}' token '{SecurityToken}' service '{Service}' " +
            $"now {Now:O} caller date '{CallerSdkDate}' steps {string.Join(",", ClockSteps)}";

        /// <summary>A JSON document carrying the body bytes as base64 text, for StringContent.</summary>
        private static string BodyText(byte[] body) => "{\"data\":\"" + Convert.ToBase64String(body) + "\",\"text\":\"中文 😀\"}";
    }

    /// <summary>The end of the pipeline: records what would go on the wire and answers 200.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public SeenRequest? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new List<KeyValuePair<string, string>>();
            string? authorization = null;
            foreach (var header in request.Headers.NonValidated)
            {
                var value = string.Join(", ", header.Value);
                if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    authorization = value;
                }
                else
                {
                    headers.Add(new KeyValuePair<string, string>(header.Key, value));
                }
            }

            var body = request.Content is null
                ? Array.Empty<byte>()
                : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Last = new SeenRequest(
                request.Method.Method,
                request.RequestUri!.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped),
                headers,
                authorization ?? throw new InvalidOperationException("The request reached the wire unsigned."),
                body);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request };
        }
    }

    private sealed class SeenRequest
    {
        public SeenRequest(string method, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers, string authorization, byte[] body)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Headers = headers;
            Authorization = authorization;
            Body = body;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string Authorization { get; }

        public byte[] Body { get; }
    }
}
