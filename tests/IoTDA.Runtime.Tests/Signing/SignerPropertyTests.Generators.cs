using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using IoTDA.Runtime;

namespace IoTDA.Runtime.Tests.Signing;

// The CsCheck generators behind the property tests, and the escaping that turns text into wire form.
public sealed partial class SignerPropertyTests
{
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
}
