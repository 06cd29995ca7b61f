using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace IoTDA.Runtime;

/// <summary>
/// Turns any non-2xx answer into an <see cref="IoTDAApiException"/>: IoTDA's <c>{error_code, error_msg}</c>, the
/// gateway's <c>{error_code, error_msg, request_id}</c>, <c>{code, message}</c>, nested error objects, and XML
/// <c>&lt;Error&gt;</c>; an empty, HTML, truncated or huge body still gives a short, useful message.
/// </summary>
internal static class ErrorResponseReader
{
    /// <summary>How much of an error body is read at all; the rest is never buffered.</summary>
    internal const int MaxBytesRead = 64 * 1024;

    internal const int MaxBodyCharacters = 4096;

    internal const int MaxMessageCharacters = 1024;

    internal const string RequestIdHeader = "X-Request-Id";

    /// <summary>
    /// A secret header echoed as <c>name:value</c> (the canonical request) or as a JSON or dictionary member, quoted
    /// with <c>"</c> or <c>'</c>, escaped when the echo sits inside a JSON string. A quoted value ends at its closing
    /// quote, or at the line's or text's end when the body was cut inside it.
    /// </summary>
    private static readonly Regex SecretHeaderInEcho = new(
        @"(?<name>x-security-token|x-auth-token|authorization)(?<close>\\*[""']?)(?<separator>\s*:\s*)" +
        @"(?:(?<open>\\*[""']).*?(?:\k<open>|(?=[\r\n])|$)|[^|\n\r""\\]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The signature of an Authorization value that is echoed without its header name.</summary>
    private static readonly Regex SignatureInEcho = new(
        @"(?<=\bsignature=)[^,\s""'|\\]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    internal static IoTDAApiException Create(
        string operationId, HttpResponseMessage response, ReadOnlySpan<byte> body, bool truncated)
    {
        var text = Redact(DecodeText(body));
        var fields = body.Length == 0 ? default
            : LooksLikeXml(text) ? ReadXml(text)
            : ReadJson(body, truncated);

        var requestId = fields.RequestId ?? HeaderValue(response, RequestIdHeader);
        var status = response.StatusCode;
        var errorMessage = fields.Message is null ? null : Cap(Redact(fields.Message), MaxMessageCharacters);
        var message = new StringBuilder()
            .Append(operationId).Append(" failed: HTTP ").Append((int)status).Append(" (").Append(status).Append(')');
        if (fields.Code is not null)
        {
            message.Append(' ').Append(fields.Code);
        }

        if (errorMessage is not null)
        {
            message.Append(": ").Append(PathValueRules.Printable(errorMessage));
        }

        if (Redirects.IsRedirect(status))
        {
            message.Append(errorMessage is null ? " " : "; ").Append(Redirects.Describe(response));
        }
        else if (errorMessage is null && body.Length == 0)
        {
            message.Append(" with an empty body");
        }
        else if (errorMessage is null)
        {
            var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "unknown";
            message.Append(" with a body that is not an error document (").Append(mediaType).Append(')');
        }

        if (requestId is not null)
        {
            message.Append(" [request ID ").Append(requestId).Append(']');
        }

        var bodyText = text.Length == 0 ? null : Cap(text, MaxBodyCharacters) + (truncated && text.Length <= MaxBodyCharacters ? "… (truncated)" : string.Empty);
        return new IoTDAApiException(message.ToString(), status, fields.Code, errorMessage, requestId, bodyText);
    }

    internal static string? HeaderValue(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The gateway echoes its canonical request, signed headers included: never repeat a token from it.</summary>
    internal static string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var withoutHeaders = SecretHeaderInEcho.Replace(text, match =>
        {
            var open = match.Groups["open"].Value;
            return match.Groups["name"].Value + match.Groups["close"].Value + match.Groups["separator"].Value + open + "***" + open;
        });
        return SignatureInEcho.Replace(withoutHeaders, "***");
    }

    private static string DecodeText(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return string.Empty;
        }

#if NET
        return Encoding.UTF8.GetString(body);
#else
        return Encoding.UTF8.GetString(body.ToArray());
#endif
    }

    private static string Cap(string text, int maxCharacters) =>
        text.Length <= maxCharacters ? text : text.Substring(0, maxCharacters) + "… (truncated)";

    private static bool LooksLikeXml(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("<?xml", StringComparison.Ordinal) || trimmed.StartsWith("<Error", StringComparison.OrdinalIgnoreCase);
    }

    private static ErrorFields ReadJson(ReadOnlySpan<byte> body, bool truncated)
    {
        var fields = default(ErrorFields);
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: !truncated, state: default);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth > 3)
                {
                    continue;
                }

                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number)
                {
                    continue;
                }

                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                fields = fields.With(name, value);
            }
        }
        catch (JsonException)
        {
            // Not JSON, or cut short: whatever was read before the fault is kept.
        }

        return fields;
    }

    private static ErrorFields ReadXml(string text)
    {
        var fields = default(ErrorFields);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytesRead };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement && ErrorFields.IsKnownName(reader.LocalName))
                {
                    var name = reader.LocalName;

                    // Reading the content moves past the end tag onto the next node, so no further Read here.
                    fields = fields.With(name, reader.ReadElementContentAsString());
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // A broken document keeps what was read before the fault.
        }

        return fields;
    }

    private readonly struct ErrorFields
    {
        private ErrorFields(string? code, string? message, string? requestId)
        {
            Code = code;
            Message = message;
            RequestId = requestId;
        }

        public string? Code { get; }

        public string? Message { get; }

        public string? RequestId { get; }

        public static bool IsKnownName(string name) => Normalize(name) is
            "errorcode" or "code" or "errormsg" or "errormessage" or "message" or "msg" or "requestid";

        /// <summary>The first value seen for each field wins: outer members come before nested details.</summary>
        public ErrorFields With(string? name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || name is null)
            {
                return this;
            }

            switch (Normalize(name))
            {
                case "errorcode":
                case "code":
                    return Code is null ? new ErrorFields(value, Message, RequestId) : this;
                case "errormsg":
                case "errormessage":
                case "message":
                case "msg":
                    return Message is null ? new ErrorFields(Code, value, RequestId) : this;
                case "requestid":
                    return RequestId is null ? new ErrorFields(Code, Message, value) : this;
                default:
                    return this;
            }
        }

        private static string Normalize(string name) => name.Replace("_", string.Empty).ToLowerInvariant();
    }
}
