using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>How a request's body travels.</summary>
internal enum BodyKind
{
    None,
    Json,
    Form,
}

/// <summary>One part of a multipart/form-data body: a file (with its name and bytes) or a plain field.</summary>
internal sealed record FormPart(string Name, string? FileName, byte[] Content);

/// <summary>The body the spec and the arguments call for: nothing, a JSON tree or form parts.</summary>
internal sealed record ExpectedBody(BodyKind Kind, JsonNode? Json, IReadOnlyList<FormPart> Parts)
{
    public static ExpectedBody None { get; } = new(BodyKind.None, null, Array.Empty<FormPart>());

    public static ExpectedBody OfJson(JsonNode json) => new(BodyKind.Json, json, Array.Empty<FormPart>());

    public static ExpectedBody OfForm(IReadOnlyList<FormPart> parts) => new(BodyKind.Form, null, parts);
}

/// <summary>
/// What the spec says one call must send: the method, the path with its values percent-encoded, the query and the
/// spec's header parameters as decoded name-value pairs, and the body.
/// </summary>
internal sealed record ExpectedRequest(
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ExpectedBody Body);

/// <summary>
/// A request as the handler saw it: the escaped path and query as sent, every header (request and content) with
/// its values joined, the body's media type and bytes.
/// </summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[] Body);

/// <summary>The arguments for one generated method and what calling it with them must send.</summary>
internal sealed record PlannedCall(object?[] Arguments, ExpectedRequest Expected);
