using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using IoTDA.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// The runtime's signer and signing handler against <see cref="ReferenceSigner"/>, an independent implementation of
/// the signing algorithm (docs/signing.md), over random methods, unicode paths, awkward queries, header sets and
/// bodies.
/// </summary>
public sealed class SignerPropertyTests
{
    private const int SignerIterations = 400;
    private const int HandlerIterations = 250;

    private const string VpcPath = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";

    // ---------------------------------------------------------------- the reference against the published vectors

    [Fact]
    public void Reference_VectorA_Get()
    {
        var request = new ReferenceRequest("GET", VpcPath, VectorAHeaders(), Array.Empty<byte>());

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
            ReferenceSigner.SignBasic(request, "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorA_Post()
    {
        var request = new ReferenceRequest(
            "POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", VectorAHeaders(), Encoding.UTF8.GetBytes("{\"key\":\"value\"}"));

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
            "Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771",
            ReferenceSigner.SignBasic(request, "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorB_SignsContentTypeWhenAsked()
    {
        var request = new ReferenceRequest(
            "GET",
            VpcPath,
            Headers(("Content-Type", "application/json"), ("Host", "service.region.example.com"), ("X-Sdk-Date", "20191115T033655Z")),
            Array.Empty<byte>(),
            new[] { "content-type", "host", "x-sdk-date" });

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
            "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            ReferenceSigner.SignBasic(request, "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
    }

    [Fact]
    public void Reference_VectorC_Get()
    {
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
            ReferenceSigner.SignBasic(VectorCGet(), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorC_Post()
    {
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
            "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
            ReferenceSigner.SignBasic(VectorCPost(), "AccessKey", "SecretKey"));
    }

    [Fact]
    public void Reference_VectorD_DerivedKey()
    {
        Assert.Equal(
            "fded840bf50eb1da840c631cec6649d58c4df22167c366bce4534ec85997f429",
            ReferenceSigner.DerivedKeyHex("AccessKey", "SecretKey", "20060102T150405Z", "test-region-1", "demo"));
    }

    [Fact]
    public void Reference_VectorD_Get()
    {
        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=8fd3610508884bb19718317797c7378716a94bc740d97502e569322e366341cc",
            ReferenceSigner.SignDerived(VectorCGet(), "AccessKey", "SecretKey", "test-region-1", "demo"));
    }

    [Fact]
    public void Reference_VectorD_Post()
    {
        Assert.Equal(
            "V11-HMAC-SHA256 Credential=AccessKey/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, " +
            "Signature=4112f88b92d82dd1e1b7dd142f1e99e4f1762c42ca8fe0968b3045120870a903",
            ReferenceSigner.SignDerived(VectorCPost(), "AccessKey", "SecretKey", "test-region-1", "demo"));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/a/b", "/a/b/")]
    [InlineData("/a//b/", "/a//b/")]
    [InlineData("/a%20b/c+d", "/a%20b/c%2Bd/")]
    [InlineData("/%41%7e%c3%A9", "/A~%C3%A9/")]
    [InlineData("/a%2Fb", "/a/b/")]
    [InlineData("/%E4%B8%AD/%F0%9F%98%80", "/%E4%B8%AD/%F0%9F%98%80/")]
    public void Reference_CanonicalPath(string escaped, string canonical)
    {
        Assert.Equal(canonical, ReferenceSigner.CanonicalPath(escaped));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1&a=0", "a=0&a=1&b=2")]
    [InlineData("k&&=v&x=", "=v&k=&x=")]
    [InlineData("a+b=c%2Bd&q=x=y", "a%2Bb=c%2Bd&q=x%3Dy")]
    [InlineData("%7E=%e4%b8%ad&~=a%20b", "~=a%20b&~=%E4%B8%AD")]
    [InlineData("%C3%A9=1&~=2", "~=2&%C3%A9=1")]
    [InlineData("%F0%9F%98%80=1&%EF%BC%A1=2", "%F0%9F%98%80=1&%EF%BC%A1=2")]
    public void Reference_CanonicalQuery(string escaped, string canonical)
    {
        Assert.Equal(canonical, ReferenceSigner.CanonicalQuery(escaped));
    }

    // ---------------------------------------------------------------- AkSkSigner against the reference

    [Fact]
    public void Signer_MatchesReference_DefaultSignedHeaders()
    {
        SignerCase(explicitSignedHeaders: false).Sample(AssertSignerMatchesReference, iter: SignerIterations);
    }

    [Fact]
    public void Signer_MatchesReference_ExplicitSignedHeaders()
    {
        SignerCase(explicitSignedHeaders: true).Sample(AssertSignerMatchesReference, iter: SignerIterations);
    }

    private static void AssertSignerMatchesReference(SignerSample sample)
    {
        var input = new AkSkSigningInput(sample.Method, sample.PathAndQuery)
        {
            Body = sample.Body,
            SignedHeaders = sample.SignedHeaders,
        };
        foreach (var header in sample.Headers)
        {
            input.WithHeader(header.Key, header.Value);
        }

        var reference = new ReferenceRequest(sample.Method, sample.PathAndQuery, sample.Headers, sample.Body, sample.SignedHeaders);

        Assert.Equal(ReferenceSigner.CanonicalRequest(reference), AkSkSigner.CreateCanonicalRequest(input));
        Assert.Equal(
            ReferenceSigner.SignBasic(reference, sample.AccessKey, sample.SecretKey),
            AkSkSigner.SignBasic(input, sample.AccessKey, sample.SecretKey));
        Assert.Equal(
            ReferenceSigner.SignDerived(reference, sample.AccessKey, sample.SecretKey, sample.Region, sample.Service),
            AkSkSigner.SignDerived(input, sample.AccessKey, sample.SecretKey, sample.Region, sample.Service));
    }

    // ---------------------------------------------------------------- AkSkSigningHandler against the reference

    [Fact]
    public async Task Handler_SignsWhatIsSent_AsTheReferenceWould()
    {
        await HandlerCase.SampleAsync(AssertHandlerMatchesReferenceAsync, iter: HandlerIterations);
    }

    private static async Task AssertHandlerMatchesReferenceAsync(HandlerSample sample)
    {
        var credentials = new AkSkCredentials(sample.AccessKey, sample.SecretKey, sample.SecurityToken) { Signing = sample.Signing };
        var clock = new FakeTimeProvider(sample.Now);
        var stub = new CapturingHandler();
        var signingHandler = new AkSkSigningHandler(credentials, sample.Region) { InnerHandler = stub, TimeProvider = clock };
        if (sample.Service is not null)
        {
            signingHandler.ServiceName = sample.Service;
        }

        // Which algorithm the Auto rule must pick: derived when a region is known and the host is not a public
        // iotda.{region}.myhuaweicloud.com endpoint, else plain.
        var region = sample.Region ?? RegionOfInstanceHost(sample.Host);
        var derived = sample.Signing switch
        {
            AkSkSigning.Basic => false,
            AkSkSigning.Derived => true,
            _ => region is not null && !IsPublicEndpoint(sample.Host),
        };

        using var invoker = new HttpMessageInvoker(signingHandler);
        for (var attempt = 0; attempt < sample.ClockSteps.Length; attempt++)
        {
            clock.Advance(sample.ClockSteps[attempt]);
            using var request = sample.CreateRequest();
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            var seen = stub.Last ?? throw new InvalidOperationException("The stub saw no request.");

            // What the stub saw is what was sent: the host with its port, the date, the token, the body.
            Assert.Equal(sample.ExpectedHostHeader, Single(seen.Headers, "host"));
            Assert.Equal(
                sample.CallerSdkDate ?? AkSkSigner.FormatSdkDate(clock.GetUtcNow()),
                Single(seen.Headers, "x-sdk-date"));
            Assert.Equal(sample.SecurityToken, seen.Headers.Where(h => IsNamed(h, "x-security-token")).Select(h => h.Value).SingleOrDefault());
            Assert.Equal(sample.BodyBytes, seen.Body);

            var reference = new ReferenceRequest(seen.Method, seen.PathAndQuery, seen.Headers, seen.Body);
            var expected = derived
                ? ReferenceSigner.SignDerived(reference, sample.AccessKey, sample.SecretKey, region!, sample.Service ?? "iotdm")
                : ReferenceSigner.SignBasic(reference, sample.AccessKey, sample.SecretKey);
            Assert.Equal(expected, seen.Authorization);
        }
    }

    private static bool IsPublicEndpoint(string host) =>
        Regex.IsMatch(host, @"^iotda\.[a-z]{2,}-[a-z]+-[0-9]{1,2}\.myhuaweicloud\.com$", RegexOptions.CultureInvariant);

    private static string? RegionOfInstanceHost(string host)
    {
        var match = Regex.Match(host, @"\.iotda-app\.([a-z]{2,}-[a-z]+-[0-9]{1,2})\.myhuaweicloud\.com$", RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsNamed(KeyValuePair<string, string> header, string lowerCaseName) =>
        string.Equals(header.Key, lowerCaseName, StringComparison.OrdinalIgnoreCase);

    private static string Single(IReadOnlyList<KeyValuePair<string, string>> headers, string lowerCaseName) =>
        headers.Single(h => IsNamed(h, lowerCaseName)).Value;

    // ---------------------------------------------------------------- generators

    /// <summary>Pieces of text: ASCII, unreserved and reserved characters, '%', CJK, emoji, BMP characters above the surrogates.</summary>
    private static readonly string[] TextAtoms =
    {
        "a", "Z", "0", "9", "-", "_", ".", "~", " ", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@",
        "/", "?", "#", "[", "]", "%", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "é", "ü", "ß", "中", "文", "测试",
        "日本語", "😀", "🚀", "𠀋", "\uFF21", "\uE000", "\uFFFD",
    };

    private static readonly Gen<string> Letter =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Select(c => c.ToString());

    private static Gen<string> Text(int min, int max) =>
        Gen.Frequency((3, Gen.OneOfConst(TextAtoms)), (2, Letter)).Array[min, max].Select(string.Concat);

    private static readonly Gen<string> Alphanumeric =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 1, 24];

    private static readonly Gen<string> Method =
        Gen.Select(Gen.OneOfConst("GET", "POST", "PUT", "DELETE", "PATCH"), Gen.Int[0, 2], Gen.Int, (method, casing, seed) =>
            casing == 0 ? method : casing == 1 ? method.ToLowerInvariant() : RandomCase(method, new Random(seed)));

    private static readonly Gen<string> PathSegment =
        Gen.Select(
            Gen.Frequency((6, Text(0, 6)), (1, Gen.OneOfConst("", ".", "..", "a b", "%", "%41", "中文 路径"))),
            Gen.Int,
            (text, seed) => WireEscape(text, seed, WirePart.Path));

    /// <summary>Escaped segments joined with '/'; sometimes with a trailing '/', sometimes with bytes that are not UTF-8.</summary>
    private static Gen<string> WirePath(bool allowInvalidUtf8) =>
        Gen.Select(
            Gen.Select(
                PathSegment,
                allowInvalidUtf8 ? Gen.FrequencyConst((12, ""), (1, "%FF"), (1, "%c3"), (1, "%80%80")) : Gen.Const(""),
                (segment, junk) => segment + junk).Array[0, 5],
            Gen.Bool,
            (segments, trailing) => "/" + string.Join("/", segments) + (trailing && segments.Length > 0 ? "/" : string.Empty));

    private static readonly Gen<string> QueryKey = Gen.Frequency(
        (3, Gen.OneOfConst("a", "A", "b", "limit", "marker", "", "中文", "😀", "\uFF21", "\uE000", "a b", "k+", "~", "é")),
        (2, Text(0, 5)));

    private static readonly Gen<string?> QueryValue = Gen.Frequency(
        (1, Gen.Const<string?>((string?)null)),
        (1, Gen.Const<string?>(string.Empty)),
        (1, Gen.OneOfConst<string?>("1", "2", "x=y", "a+b", "😀", "\uFF21")),
        (4, Text(0, 8).Select(text => (string?)text)));

    private static readonly Gen<string> QueryPiece = Gen.Select(QueryKey, QueryValue, Gen.Int, Gen.Int, (key, value, keySeed, valueSeed) =>
        WireEscape(key, keySeed, WirePart.QueryKey) + (value is null ? string.Empty : "=" + WireEscape(value, valueSeed, WirePart.QueryValue)));

    /// <summary>No query, an empty one, or pieces joined with '&amp;' (sometimes with empty pieces in between).</summary>
    private static Gen<string> WireQuery() =>
        Gen.Select(QueryPiece.Array[0, 7], Gen.Int[0, 3], (pieces, shape) =>
        {
            var query = shape switch
            {
                0 => string.Empty,
                1 => string.Join("&", pieces),
                2 => "&" + string.Join("&&", pieces) + "&",
                _ => string.Join("&", pieces),
            };

            return shape == 0 ? string.Empty : "?" + query;
        });

    private static readonly Gen<string> HeaderName = Gen.Frequency(
        (4, Gen.OneOfConst(
            "Host", "host", "X-Project-Id", "x-project-id", "Instance-Id", "X-Security-Token", "Content-Type", "content-type",
            "CONTENT-TYPE", "TEST_UNDERSCORE", "x_under", "Accept", "User-Agent", "X-Custom", "x-CUSTOM", "X-Request-Id")),
        (3, Gen.Select(
            Gen.Char["abcxyzABCXYZ"],
            Gen.Char["abcxyzABCXYZ0189-_.!~^`|"].Array[0, 8],
            (first, rest) => first + new string(rest))));

    private static readonly Gen<string> Whitespace = Gen.OneOfConst("", "", "", " ", "  ", "\t", " \t ");

    private static readonly Gen<string> PrintableAscii =
        Gen.String[Gen.Char[' ', '~'], 0, 12];

    private static readonly Gen<string> SignerHeaderValue = Gen.Select(
        Whitespace,
        Gen.Frequency((3, PrintableAscii), (1, Text(0, 6).Select(text => text.Trim()))),
        Whitespace,
        (before, core, after) => before + core + after);

    private static readonly Gen<string> SdkDate =
        Gen.Int[0, 3_000_000].Select(minutes =>
            AkSkSigner.FormatSdkDate(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes).AddSeconds(minutes % 60)));

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (1, Gen.Const(Array.Empty<byte>())),
        (2, Gen.Byte.Array[0, 80]),
        (2, Text(0, 12).Select(text => Encoding.UTF8.GetBytes("{\"name\":\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\",\"n\":1}"))));

    private static readonly Gen<string> SecretKey = Gen.Frequency(
        (3, Alphanumeric),
        (1, Text(1, 10).Where(text => text.Trim().Length > 0)));

    private static readonly Gen<string> Region = Gen.Frequency(
        (3, Gen.OneOfConst("cn-north-4", "test-region-1", "ap-southeast-3", "la-south-2")),
        (1, Alphanumeric));

    private static Gen<SignerSample> SignerCase(bool explicitSignedHeaders) =>
        Gen.Select(
            Method,
            WirePath(allowInvalidUtf8: true),
            WireQuery(),
            Gen.Select(HeaderName, SignerHeaderValue).Array[0, 6],
            Gen.Select(Gen.OneOfConst("X-Sdk-Date", "x-sdk-date", "X-SDK-DATE"), SdkDate, Gen.Int[0, 6]),
            Gen.Select(Body, Gen.Int),
            Gen.Select(Alphanumeric, SecretKey, Region, Gen.OneOfConst("iotdm", "demo", "apig")),
            (method, path, query, others, date, bodyAndSeed, keys) =>
            {
                var headers = others
                    .Where(h => !string.Equals(h.Item1, "x-sdk-date", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))
                    .ToList();
                headers.Insert(Math.Min(date.Item3, headers.Count), new KeyValuePair<string, string>(date.Item1, date.Item2));

                var random = new Random(bodyAndSeed.Item2);
                string[]? signed = null;
                if (explicitSignedHeaders)
                {
                    // A random subset of the names present, each in a random case, in a random order: any name may
                    // be chosen, content-type and names with '_' included.
                    signed = headers
                        .Select(h => h.Key.ToLowerInvariant())
                        .Distinct(StringComparer.Ordinal)
                        .Where(_ => random.Next(3) > 0)
                        .Select(name => RandomCase(name, random))
                        .OrderBy(_ => random.Next())
                        .ToArray();
                }

                return new SignerSample(
                    method, path + query, headers, bodyAndSeed.Item1, signed, keys.Item1, keys.Item2, keys.Item3, keys.Item4);
            });

    private static readonly (string Uri, string Plain, string ExpectedHostHeader)[] Hosts =
    {
        ("example.com", "example.com", "example.com"),
        ("example.com:443", "example.com", "example.com"),
        ("api.example.com:8443", "api.example.com", "api.example.com:8443"),
        ("xx.st1.iotda-app.cn-north-4.myhuaweicloud.com", "xx.st1.iotda-app.cn-north-4.myhuaweicloud.com", "xx.st1.iotda-app.cn-north-4.myhuaweicloud.com"),
        ("a1b2c3.st1.iotda-app.ap-southeast-3.myhuaweicloud.com:9443", "a1b2c3.st1.iotda-app.ap-southeast-3.myhuaweicloud.com", "a1b2c3.st1.iotda-app.ap-southeast-3.myhuaweicloud.com:9443"),
        ("iotda.cn-north-4.myhuaweicloud.com", "iotda.cn-north-4.myhuaweicloud.com", "iotda.cn-north-4.myhuaweicloud.com"),
        ("IoTDA.AP-Southeast-1.MyHuaweiCloud.com", "iotda.ap-southeast-1.myhuaweicloud.com", "iotda.ap-southeast-1.myhuaweicloud.com"),
    };

    private static readonly Gen<string> HandlerHeaderName = Gen.Frequency(
        (4, Gen.OneOfConst(
            "X-Project-Id", "x-project-id", "Instance-Id", "X-Custom", "x-CUSTOM", "TEST_UNDERSCORE", "x_under", "X-Request-Id",
            "Accept-Language", "X-Security-Token")),
        (3, Gen.Select(
            Gen.Char["abcxyzABCXYZ"],
            Gen.Char["abcxyzABCXYZ0189-_.!~^`|"].Array[0, 8],
            (first, rest) => "X-" + first + new string(rest))));

    private static readonly Gen<string> HandlerHeaderValue = Gen.Select(
        Whitespace, PrintableAscii.Select(text => text.Trim()), Whitespace, (before, core, after) => before + core + after);

    private static readonly Gen<HandlerSample> HandlerCase =
        Gen.Select(
            Gen.Select(Gen.Int[0, Hosts.Length - 1], Gen.OneOfConst<string?>(null, null, "cn-north-4", "ap-southeast-1"), Gen.FrequencyConst((6, AkSkSigning.Auto), (1, AkSkSigning.Basic), (1, AkSkSigning.Derived))),
            Method,
            Gen.Select(WirePath(allowInvalidUtf8: true), WireQuery(), (path, query) => path + query),
            Gen.Select(HandlerHeaderName, HandlerHeaderValue).Array[0, 6],
            Gen.Select(Gen.Int[0, 2], Body),
            Gen.Select(Alphanumeric, SecretKey, Gen.OneOfConst<string?>(null, "security-token-value"), Gen.OneOfConst<string?>(null, null, "demo")),
            Gen.Select(SdkDate, Gen.Bool, Gen.Int[0, 200_000_000].Array[1, 3]),
            (target, method, pathAndQuery, headers, content, keys, time) =>
            {
                var host = Hosts[target.Item1];
                var region = target.Item2;
                var signing = target.Item3;
                if (signing == AkSkSigning.Derived && region is null && RegionOfInstanceHost(host.Plain) is null)
                {
                    signing = AkSkSigning.Auto; // derived signing without any region is an error, not a signature
                }

                var now = DateTimeOffset.ParseExact(time.Item1, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return new HandlerSample(
                    host.Uri, host.Plain, host.ExpectedHostHeader, region, signing, method, pathAndQuery,
                    headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2)).ToArray(),
                    content.Item1, content.Item2, keys.Item1, keys.Item2, keys.Item3, keys.Item4,
                    now, time.Item2 ? AkSkSigner.FormatSdkDate(now.AddHours(-3)) : null,
                    time.Item3.Select(seconds => TimeSpan.FromSeconds(seconds)).ToArray());
            });

    // ---------------------------------------------------------------- helpers

    private enum WirePart
    {
        Path,
        QueryKey,
        QueryValue,
    }

    /// <summary>
    /// Escapes text into a valid wire form. A quarter of the time exactly <see cref="Uri.EscapeDataString(string)"/>;
    /// otherwise character by character: unreserved characters mostly raw but sometimes %XX, sub-delimiters that may
    /// stay raw in this part sometimes raw, everything else as UTF-8 %XX with upper- or lower-case hex.
    /// </summary>
    private static string WireEscape(string text, int seed, WirePart part)
    {
        var random = new Random(seed);
        if (random.Next(4) == 0)
        {
            return Uri.EscapeDataString(text);
        }

        var mayStayRaw = part switch
        {
            WirePart.Path => "!$'()*+,;=:@",
            WirePart.QueryKey => "!$'()*+,;:@/?",
            _ => "!$'()*+,;=:@/?",
        };

        var wire = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var single = rune.ToString();
            var isUnreserved = rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-_.~".Contains((char)rune.Value, StringComparison.Ordinal));
            if (isUnreserved ? random.Next(5) > 0 : rune.IsAscii && mayStayRaw.Contains((char)rune.Value, StringComparison.Ordinal) && random.Next(2) == 0)
            {
                wire.Append(single);
                continue;
            }

            foreach (var value in Encoding.UTF8.GetBytes(single))
            {
                wire.Append('%').Append(value.ToString(random.Next(4) == 0 ? "x2" : "X2", CultureInfo.InvariantCulture));
            }
        }

        return wire.ToString();
    }

    private static string RandomCase(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(2) == 0 ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

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
