using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// One logical API call as a generated client describes it: the operation, its path template and values,
/// query, headers and JSON body. <see cref="IoTDAClientCore"/> turns it into a fresh, signed
/// <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
public sealed class IoTDARequest
{
    internal const string ProjectIdParameter = "project_id";

    private readonly List<KeyValuePair<string, string>> _pathParameters = new();
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();

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

    internal IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    internal IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>
    /// Sets a path parameter. A value that is empty, is <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c> or a
    /// control character is rejected: it would change which resource the request addresses.
    /// </summary>
    public void SetPathParameter(string name, string value)
    {
        PathValueRules.ThrowIfInvalid(name, value);
        _pathParameters.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            _query.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    public void AddQuery(string name, long? value) =>
        AddQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    public void AddQuery(string name, double? value) =>
        AddQuery(name, value?.ToString("R", CultureInfo.InvariantCulture));

    public void AddQuery(string name, bool? value) =>
        AddQuery(name, value is null ? null : value.Value ? "true" : "false");

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

    /// <summary>Adds a request header; a null value adds nothing. CR and LF are rejected (header injection).</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        HeaderValueRules.ThrowIfInvalid(name, value);
        _headers.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Serializes the body now, once: every attempt sends and signs these same bytes.</summary>
    public void SetJsonBody<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var buffer = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                write(writer, state);
            }

            Body = buffer.ToArray();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Expands the template into an escaped path; <c>{project_id}</c> falls back to the options.</summary>
    internal string BuildPath(string? defaultProjectId)
    {
        var path = new StringBuilder(PathTemplate.Length + 64);
        var position = 0;
        while (position < PathTemplate.Length)
        {
            var open = PathTemplate.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(PathTemplate, position, PathTemplate.Length - position);
                break;
            }

            var close = PathTemplate.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidOperationException($"The path template '{PathTemplate}' has an unclosed '{{'.");
            }

            path.Append(PathTemplate, position, open - position);
            var name = PathTemplate.Substring(open + 1, close - open - 1);
            PercentEncoding.AppendEncoded(path, PathParameterValue(name, defaultProjectId));
            position = close + 1;
        }

        return path.ToString();
    }

    private string PathParameterValue(string name, string? defaultProjectId)
    {
        foreach (var parameter in _pathParameters)
        {
            if (parameter.Key == name)
            {
                return parameter.Value;
            }
        }

        if (name == ProjectIdParameter)
        {
            if (string.IsNullOrWhiteSpace(defaultProjectId))
            {
                throw new InvalidOperationException(
                    $"Operation {OperationId} needs a project ID: set IoTDAClientOptions.ProjectId.");
            }

            return defaultProjectId!;
        }

        throw new InvalidOperationException($"Operation {OperationId} has no value for the path parameter '{name}'.");
    }
}
