using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System.IO;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// One logical API call as a generated client describes it: the operation, its path template and values,
/// query, headers, and either a JSON body or the parts of a multipart/form-data body, never both.
/// <see cref="IoTDAClientCore"/> turns it into a fresh, signed <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
public sealed partial class IoTDARequest
{
    internal const string ProjectIdParameter = "project_id";

    private static readonly KeyValuePair<string, string>[] None = Array.Empty<KeyValuePair<string, string>>();

    // Most calls have one path parameter besides the project and nothing else: the first is kept in place, and
    // the lists are created on first use.
    private KeyValuePair<string, string> _firstPathParameter;
    private List<KeyValuePair<string, string>>? _morePathParameters;
    private List<KeyValuePair<string, string>>? _query;
    private HashSet<string>? _multiSegment;

    /// <summary>Every cookie of a request goes in this one header, each pair after the last and <see cref="CookieSeparator"/> (RFC 6265).</summary>
    internal const string CookieHeader = "Cookie";

    internal const string CookieSeparator = "; ";
    internal static readonly char[] CookieValueStops = { ';', ',', ' ', '\t', '"', '\r', '\n' };
    internal static readonly char[] CookieNameStops = { ';', ',', ' ', '\t', '"', '\r', '\n', '=' };

    private List<KeyValuePair<string, string>>? _headers;
    private List<FormPart>? _formParts;

    public IoTDARequest(string operationId, HttpMethod method, string pathTemplate)
    {
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
    }

    public string OperationId { get; }

    public HttpMethod Method { get; }

    public string PathTemplate { get; }

    /// <summary>The UTF-8 JSON body exactly as it will be sent and signed, or null when there is none.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>GET, HEAD, PUT, DELETE and OPTIONS may be sent again after a response was lost; POST may not.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post && Method.Method != "PATCH";

    internal IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? None;

    /// <summary>The form's parts in the order added; empty for a request without a form.</summary>
    internal IReadOnlyList<FormPart> FormParts => (IReadOnlyList<FormPart>?)_formParts ?? Array.Empty<FormPart>();

    /// <summary>
    /// Sets a path parameter. A value that is empty, is <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c> or a
    /// control character is rejected: it would change which resource the request addresses.
    /// </summary>
    public void SetPathParameter(string name, string value)
    {
        PathValueRules.ThrowIfInvalid(name, value);
        AddPathParameter(name, value);
    }

    /// <summary>
    /// Sets a path parameter that may span several segments (<c>allowReserved</c>, or <c>x-multi-segment</c>, in the
    /// spec: a file path such as <c>docs/a b.md</c>). Each segment is checked as <see cref="SetPathParameter"/> checks a
    /// whole value and percent-encoded on its own; the slashes between them stay.
    /// </summary>
    public void SetPathSegments(string name, string value)
    {
        PathValueRules.ThrowIfInvalidSegments(name, value);
        (_multiSegment ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        AddPathParameter(name, value);
    }

    private void AddPathParameter(string name, string value)
    {
        var parameter = new KeyValuePair<string, string>(name, value);
        if (_firstPathParameter.Key is null)
        {
            _firstPathParameter = parameter;
        }
        else
        {
            (_morePathParameters ??= new List<KeyValuePair<string, string>>(2)).Add(parameter);
        }
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }
    }

    public void AddQuery(string name, long? value) => AddQuery(name, Text(value));

    public void AddQuery(string name, double? value) => AddQuery(name, Text(value));

    public void AddQuery(string name, bool? value) => AddQuery(name, Text(value));

    /// <summary>Adds the parameter once per value (the OpenAPI <c>form</c> style with <c>explode</c>).</summary>
    public void AddQuery(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            AddQuery(name, value);
        }
    }

    /// <summary>
    /// Adds the values as one parameter, joined by <paramref name="separator"/> (OpenAPI's <c>form</c> style without
    /// <c>explode</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>); null or no values add nothing. The separator is
    /// percent-encoded like the values (servers decode a query before they split it), so the URL stays canonical for
    /// signing.
    /// </summary>
    public void AddQuery(string name, IEnumerable<string>? values, string separator)
    {
        if (values is null)
        {
            return;
        }

        using var items = values.GetEnumerator();
        if (!items.MoveNext())
        {
            return;
        }

        var joined = new StringBuilder(items.Current);
        while (items.MoveNext())
        {
            joined.Append(separator).Append(items.Current);
        }

        AddQuery(name, joined.ToString());
    }

    /// <summary>
    /// Adds a request header; a null value adds nothing. Anything but printable ASCII and tab is rejected: CR and LF
    /// would inject headers, and HttpClient would refuse other characters only when sending.
    /// </summary>
    public void AddHeader(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        HeaderValueRules.ThrowIfInvalid($"The header '{name}'", name, value);
        (_headers ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>
    /// Adds a cookie (an OpenAPI <c>in: cookie</c> parameter) to the request's one <c>Cookie</c> header; a null value
    /// adds nothing. A name or value holding <c>;</c>, <c>,</c>, whitespace or a quote (or <c>=</c> in the name) is
    /// rejected, since it would end the cookie or start another.
    /// </summary>
    public void AddCookie(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // The value is often a session secret: the message names the character, never the value.
        var badName = name.IndexOfAny(CookieNameStops);
        var badValue = value.IndexOfAny(CookieValueStops);
        if (name.Length == 0 || badName >= 0 || badValue >= 0)
        {
            var found = badName >= 0 ? $"its name holds '{PathValueRules.Printable(name[badName].ToString())}'"
                : badValue >= 0 ? $"its value holds '{PathValueRules.Printable(value[badValue].ToString())}' at position {badValue}"
                : "its name is empty";
            throw new ArgumentException(
                $"The cookie '{PathValueRules.Printable(name)}' cannot be sent: {found}; a cookie name and value may not hold " +
                "';', ',', whitespace or '\"' (nor '=' in the name).",
                nameof(value));
        }

        HeaderValueRules.ThrowIfInvalidSecret($"The cookie '{name}'", name, value);
        var headers = _headers ??= new List<KeyValuePair<string, string>>(2);
        var index = headers.FindIndex(header => header.Key == CookieHeader);
        var pair = name + "=" + value;
        if (index < 0)
        {
            headers.Add(new KeyValuePair<string, string>(CookieHeader, pair));
        }
        else
        {
            headers[index] = new KeyValuePair<string, string>(CookieHeader, headers[index].Value + CookieSeparator + pair);
        }
    }

    /// <summary>Serializes the body now, once: every attempt sends and signs these same bytes.</summary>
    public void SetJsonBody<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ThrowIfFormStarted();
        Body = JsonBodySerializer.Serialize(state, write);
    }

    /// <summary>A text body (<c>text/plain</c> or another text type of the spec), sent as UTF-8 with that media type.</summary>
    public void SetTextBody(string text, string mediaType)
    {
        ThrowIfFormStarted();
        Body = Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text)));
        Raw = new RawBody(null, mediaType + "; charset=utf-8");
    }

    /// <summary>
    /// A body of any other media type (<c>application/octet-stream</c>, XML, an image), read from
    /// <paramref name="content"/> to its end once, when the call starts: every attempt sends and signs those bytes.
    /// </summary>
    public void SetStreamBody(Stream content, string mediaType)
    {
        ThrowIfFormStarted();
        Raw = new RawBody(content ?? throw new ArgumentNullException(nameof(content)), mediaType);
    }

    /// <summary>The media type and, until the call reads it, the stream of a body that is not JSON; null for JSON.</summary>
    internal RawBody? Raw { get; private set; }

    /// <summary>Reads a stream body into <see cref="Body"/>; the caller's stream failing is a <see cref="FilePartReadException"/>.</summary>
    internal async ValueTask ReadStreamBodyAsync(CancellationToken cancellationToken)
    {
        if (Raw is { Content: not null } && Body is null)
        {
            Body = await Raw.ReadAsync(OperationId, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ThrowIfFormStarted()
    {
        if (_formParts is not null)
        {
            throw BothBodies();
        }
    }

    private InvalidOperationException BothBodies() => new(
        $"The request for {OperationId} would carry both a JSON body and form parts; a request has one or the other " +
        "(a generated client that does this has a bug).");

    // One spelling of a scalar as text for the query and the form: invariant culture, round-trip doubles, lower-case booleans.
    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Text(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>
    /// The request URL in one string: <paramref name="origin"/>, then the escaped path and query:
    /// <paramref name="basePath"/>, the template expanded with escaped values (<c>{project_id}</c> falls back to the
    /// options), and the query. The path and query start at <c>origin.Length</c>.
    /// </summary>
    internal string BuildUrl(string origin, string basePath, string? defaultProjectId)
    {
        var url = new CharBuilder(stackalloc char[256]);
        try
        {
            url.Append(origin.AsSpan());
            url.Append(basePath.AsSpan());
            var template = PathTemplate.AsSpan();
            while (!template.IsEmpty)
            {
                var open = template.IndexOf('{');
                if (open < 0)
                {
                    url.Append(template);
                    break;
                }

                var close = template.Slice(open).IndexOf('}');
                if (close < 0)
                {
                    throw new InvalidOperationException($"The path template '{PathTemplate}' has an unclosed '{{'.");
                }

                url.Append(template.Slice(0, open));
                var name = template.Slice(open + 1, close - 1);
                var value = PathParameterValue(name, defaultProjectId);
                if (_multiSegment is not null && _multiSegment.Contains(name.ToString()))
                {
                    var segments = value.Split('/');
                    for (var i = 0; i < segments.Length; i++)
                    {
                        if (i > 0)
                        {
                            url.Append('/');
                        }

                        PercentEncoding.AppendEncoded(ref url, segments[i]);
                    }
                }
                else
                {
                    PercentEncoding.AppendEncoded(ref url, value);
                }
                template = template.Slice(open + close + 1);
            }

            if (_query is not null)
            {
                for (var i = 0; i < _query.Count; i++)
                {
                    url.Append(i == 0 ? '?' : '&');
                    PercentEncoding.AppendEncoded(ref url, _query[i].Key);
                    url.Append('=');
                    PercentEncoding.AppendEncoded(ref url, _query[i].Value);
                }
            }

            return url.ToString();
        }
        finally
        {
            url.Dispose();
        }
    }

    private string PathParameterValue(ReadOnlySpan<char> name, string? defaultProjectId)
    {
        if (_firstPathParameter.Key is { } firstName && name.SequenceEqual(firstName.AsSpan()))
        {
            return _firstPathParameter.Value;
        }

        if (_morePathParameters is not null)
        {
            foreach (var parameter in _morePathParameters)
            {
                if (name.SequenceEqual(parameter.Key.AsSpan()))
                {
                    return parameter.Value;
                }
            }
        }

        if (name.SequenceEqual(ProjectIdParameter.AsSpan()))
        {
            if (string.IsNullOrWhiteSpace(defaultProjectId))
            {
                throw new InvalidOperationException(
                    $"Operation {OperationId} needs a project ID: set IoTDAClientOptions.ProjectId.");
            }

            return defaultProjectId!;
        }

        throw new InvalidOperationException($"Operation {OperationId} has no value for the path parameter '{name.ToString()}'.");
    }
}
