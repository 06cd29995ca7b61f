using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using IoTDA.Generator.Tests.SpecReading;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>
/// Matches a generated method's parameters to the spec (a parameter is the camelCase of its spec name; the JSON body
/// is <c>body</c>; a multipart body is one parameter per part), builds a value for every one, and states the request
/// the spec says those values make. A parameter on either side without a partner is an error naming it.
/// </summary>
internal static class CallPlanner
{
    /// <summary>The Huawei Cloud path parameter the client fills from <c>IoTDAClientOptions.ProjectId</c>.</summary>
    public const string ProjectIdParameter = "project_id";

    private const string BodyParameter = "body";

    public static PlannedCall Plan(SpecOperation operation, MethodInfo method, string projectId)
    {
        var id = operation.OperationId;
        var picker = new ValuePicker(id);
        var builder = new ArgumentBuilder(picker, id);
        var specParameters = operation.Parameters.Where(p => p.Name != ProjectIdParameter).ToList();
        var formParts = operation.RequestBody is { IsForm: true } form ? form.Schema.Properties.ToList() : new List<(string Name, SpecSchema Schema)>();
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal) { [ProjectIdParameter] = projectId };
        var query = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        var body = ExpectedBody.None;
        var sentParts = new List<FormPart>();
        var jsonBodyPassed = false;

        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var name = parameter.Name ?? "";
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments[i] = CancellationToken.None;
            }
            else if (name == BodyParameter && operation.RequestBody is { IsJson: true } jsonBody)
            {
                var (value, json) = builder.Build(jsonBody.Schema, parameter.ParameterType, BodyParameter, ValuePlace.Body);
                arguments[i] = value;
                body = ExpectedBody.OfJson(json);
                jsonBodyPassed = true;
            }
            else if (specParameters.FirstOrDefault(p => CSharpNames.Camel(p.Name) == name) is { } spec)
            {
                specParameters.Remove(spec);
                var place = PlaceOf(spec, id);
                var (value, json) = builder.Build(spec.Schema, parameter.ParameterType, spec.Name, place, spec.Example);
                arguments[i] = value;
                foreach (var text in WireTexts(json))
                {
                    switch (place)
                    {
                        case ValuePlace.Path:
                            pathValues.Add(spec.Name, text);
                            break;
                        case ValuePlace.Query:
                            query.Add(new KeyValuePair<string, string>(spec.Name, text));
                            break;
                        case ValuePlace.Header:
                            headers.Add(new KeyValuePair<string, string>(spec.Name, text));
                            break;
                        case ValuePlace.Body:
                            throw new InvalidOperationException($"{id}: {spec.Name} is a parameter, not a body member.");
                        default:
                            throw new ArgumentOutOfRangeException(nameof(operation), place, null);
                    }
                }
            }
            else if (formParts.FirstOrDefault(p => CSharpNames.Camel(p.Name) == name) is { Name: not null } part)
            {
                formParts.Remove(part);
                var (value, sent) = FormBody.Build(part.Name, part.Schema, parameter.ParameterType, builder, id);
                arguments[i] = value;
                sentParts.Add(sent);
                body = ExpectedBody.OfForm(sentParts);
            }
            else
            {
                throw new InvalidOperationException($"{id}Async has a parameter {name} ({parameter.ParameterType}) that matches nothing the spec describes.");
            }
        }

        var missing = specParameters.Select(p => p.In + " parameter " + p.Name + " (C# " + CSharpNames.Camel(p.Name) + ")")
            .Concat(formParts.Select(p => "form part " + p.Name + " (C# " + CSharpNames.Camel(p.Name) + ")"))
            .Concat(operation.RequestBody is { IsJson: true } && !jsonBodyPassed ? new[] { "JSON body (C# body)" } : Array.Empty<string>())
            .ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"{id}Async takes no argument for the spec's {string.Join(", ", missing)}.");
        }

        var expected = new ExpectedRequest(new HttpMethod(operation.Method), ExpandPath(operation, pathValues), query, headers, body);
        return new PlannedCall(arguments, expected);
    }

    private static ValuePlace PlaceOf(SpecParameter parameter, string operationId) => parameter.In switch
    {
        "path" => ValuePlace.Path,
        "query" => ValuePlace.Query,
        "header" => ValuePlace.Header,
        var other => throw new InvalidOperationException($"{operationId}: the parameter {parameter.Name} is in '{other}', which no method takes."),
    };

    /// <summary>The texts a scalar (or, in a query, each item of an array) travels as.</summary>
    private static IEnumerable<string> WireTexts(JsonNode json) => json switch
    {
        JsonArray items => items.SelectMany(item => WireTexts(item!)),
        JsonValue value => new[] { Text(value) },
        _ => throw new InvalidOperationException("An object cannot travel as a parameter: " + json.ToJsonString()),
    };

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number when value.TryGetValue<long>(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        var kind => throw new InvalidOperationException("A " + kind + " cannot travel as a parameter."),
    };

    /// <summary>The template with each <c>{name}</c> replaced by its value, RFC 3986 percent-encoded.</summary>
    private static string ExpandPath(SpecOperation operation, IReadOnlyDictionary<string, string> values)
    {
        var path = operation.PathTemplate;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{operation.OperationId}: the path {operation.PathTemplate} has a parameter the spec does not describe.");
        }

        return path;
    }
}
