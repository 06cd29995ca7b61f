using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace IoTDA.Generator.Tests.SpecReading;

/// <summary>A parameter as the spec states it; <see cref="Example"/> is the parameter's own or its schema's.</summary>
internal sealed record SpecParameter(string Name, string In, bool Required, SpecSchema Schema, string? Example);

/// <summary>The request body's media type (the first the spec lists) and schema.</summary>
internal sealed record SpecRequestBody(string MediaType, SpecSchema Schema, bool Required)
{
    public bool IsJson => MediaType == "application/json";

    public bool IsForm => MediaType == "multipart/form-data";
}

/// <summary>One operation: method, path template, parameters (path-level ones merged in), body and success status.</summary>
internal sealed record SpecOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<SpecParameter> Parameters,
    SpecRequestBody? RequestBody,
    int SuccessStatus)
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static readonly Lazy<IReadOnlyList<SpecOperation>> BundledOperations =
        new(() => ReadAll(new SpecDocument(GeneratorHarness.BundledSpecText)));

    /// <summary>Every operation of the bundled <c>spec/iotda.openapi.yaml</c>, in document order.</summary>
    public static IReadOnlyList<SpecOperation> Bundled => BundledOperations.Value;

    public override string ToString() => OperationId;

    public static IReadOnlyList<SpecOperation> ReadAll(SpecDocument document)
    {
        var operations = new List<SpecOperation>();
        var paths = document.Root.Mapping("paths") ?? throw new InvalidOperationException("The spec has no paths.");
        foreach (var (path, itemNode) in paths.Entries())
        {
            var item = document.Resolve((YamlMappingNode)itemNode);
            var shared = ReadParameters(document, item);
            foreach (var (method, operationNode) in item.Entries().Where(entry => Methods.Contains(entry.Key)))
            {
                operations.Add(Read(document, path, method, (YamlMappingNode)operationNode, shared));
            }
        }

        return operations;
    }

    private static SpecOperation Read(SpecDocument document, string path, string method, YamlMappingNode operation, IReadOnlyList<SpecParameter> shared)
    {
        var operationId = operation.Text("operationId") ?? throw new InvalidOperationException(method + " " + path + " has no operationId.");
        var own = ReadParameters(document, operation);
        // An operation's parameter replaces the path item's of the same name and location.
        var parameters = shared.Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In)).Concat(own).ToArray();
        var success = (operation.Mapping("responses") ?? throw new InvalidOperationException(operationId + " has no responses."))
            .Entries()
            .Select(entry => int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0)
            .Where(status => status is >= 200 and < 300)
            .DefaultIfEmpty(0)
            .Min();
        if (success == 0)
        {
            throw new InvalidOperationException(operationId + " has no success response.");
        }

        return new SpecOperation(operationId, method.ToUpperInvariant(), path, parameters, ReadBody(document, operation), success);
    }

    private static IReadOnlyList<SpecParameter> ReadParameters(SpecDocument document, YamlMappingNode owner) =>
        owner.Items("parameters").Select(node =>
        {
            var parameter = document.Resolve((YamlMappingNode)node);
            var name = parameter.Text("name") ?? throw new InvalidOperationException("A parameter has no name.");
            var schemaNode = parameter.Mapping("schema") ?? throw new InvalidOperationException("The parameter " + name + " has no schema.");
            var schema = new SpecSchema(document, schemaNode);
            return new SpecParameter(
                name,
                parameter.Text("in") ?? throw new InvalidOperationException("The parameter " + name + " has no 'in'."),
                parameter.Flag("required"),
                schema,
                parameter.Text("example") ?? schema.Example);
        }).ToArray();

    private static SpecRequestBody? ReadBody(SpecDocument document, YamlMappingNode operation)
    {
        if (operation.Mapping("requestBody") is not { } bodyNode)
        {
            return null;
        }

        var body = document.Resolve(bodyNode);
        var (mediaType, content) = (body.Mapping("content") ?? throw new InvalidOperationException("A request body has no content.")).Entries().First();
        var schema = ((YamlMappingNode)content).Mapping("schema") ?? throw new InvalidOperationException("The " + mediaType + " body has no schema.");
        return new SpecRequestBody(mediaType, new SpecSchema(document, schema), body.Flag("required"));
    }
}
