using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using ParameterLocation = IoTDA.Generator.Model.ParameterLocation;
using SpecParameterLocation = Microsoft.OpenApi.Models.ParameterLocation;

namespace IoTDA.Generator.Parsing;

/// <summary>Paths and operations: parameters, bodies and responses.</summary>
internal sealed partial class SpecParser
{
    private List<OperationDraft> BuildOperations(OpenApiDocument document)
    {
        var drafts = new List<OperationDraft>();
        var methodNames = new NameScope(_file.ClientName, "Options", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize");
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        if (document.Paths is null)
        {
            return drafts;
        }

        foreach (var pathPair in document.Paths)
        {
            if (pathPair.Value is null)
            {
                continue;
            }

            foreach (var operationPair in pathPair.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var method = operationPair.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + Escape(pathPair.Key) + "/" + operationPair.Key.ToString().ToLowerInvariant();
                var draft = BuildOperation(pathPair.Key, method, pathPair.Value, operationPair.Value, pointer, methodNames, operationIds);
                if (draft is not null)
                {
                    drafts.Add(draft);
                }
            }
        }

        return drafts;
    }

    private OperationDraft? BuildOperation(
        string path,
        string method,
        OpenApiPathItem pathItem,
        OpenApiOperation operation,
        string pointer,
        NameScope methodNames,
        HashSet<string> operationIds)
    {
        var operationId = operation.OperationId;
        string wanted;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            wanted = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path);
            operationId = wanted;
            Report(DiagnosticDescriptors.MissingOperationId.Id, pointer, method, path, wanted + "Async");
        }
        else
        {
            wanted = Naming.ToPascalCase(operationId!);
            if (wanted.Length == 0)
            {
                wanted = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path);
            }
        }

        if (wanted.Length == 0 || wanted[0] == '_')
        {
            wanted = "Operation" + wanted;
        }

        var duplicate = !operationIds.Add(operationId!);
        var methodName = methodNames.Claim(wanted);
        if (duplicate)
        {
            Report(DiagnosticDescriptors.DuplicateOperationId.Id, pointer + "/operationId", operationId!, methodName + "Async");
        }
        else if (methodName != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer + "/operationId", operationId!, wanted, methodName);
        }

        var parameterNames = new NameScope("body", "cancellationToken", "progress");
        var parameters = new List<ParameterModel>();
        foreach (var (parameter, parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (parameter.In == SpecParameterLocation.Path && parameter.Name == "project_id")
            {
                continue;
            }

            var model = BuildParameter(parameter, parameterPointer, methodName, parameterNames);
            if (model is null)
            {
                if (parameter.In == SpecParameterLocation.Path)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The operation " + operationId, "its path parameter '" + parameter.Name + "' cannot be expressed");
                    return null;
                }

                continue;
            }

            parameters.Add(model);
        }

        BodyModel? body = null;
        if (operation.RequestBody is { } requestBody && requestBody.Content.Count > 0)
        {
            var media = JsonMedia(requestBody.Content);
            if (media is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/requestBody", "The operation " + operationId, "its request body is not JSON (" + string.Join(", ", requestBody.Content.Keys) + ")");
                return null;
            }

            body = new BodyModel(TypeFor(media.Schema, methodName, "Request", pointer + "/requestBody"), requestBody.Required, Clean(requestBody.Description ?? media.Schema?.Description));
        }

        var (response, responseDescription, responseOk) = SuccessResponse(operation, methodName, pointer, operationId!);
        if (!responseOk)
        {
            return null;
        }

        var ordered = parameters.Where(p => p.Location == ParameterLocation.Path)
            .Concat(parameters.Where(p => p.Location == ParameterLocation.Query))
            .Concat(parameters.Where(p => p.Location == ParameterLocation.Header))
            .ToList();

        return new OperationDraft(
            new OperationModel(
                operationId!,
                methodName,
                method,
                path,
                Clean(operation.Summary),
                Clean(operation.Description),
                operation.Deprecated,
                ordered.ToEquatableArray(),
                body,
                response,
                responseDescription,
                null,
                null),
            StringExtension(operation, BatchItemsExtension),
            StringExtension(operation, PageMarkerExtension),
            StringExtension(operation, PageNextMarkerExtension),
            StringExtension(operation, PageItemsExtension),
            StringExtension(operation, PageOffsetExtension),
            pointer);
    }

    private static IEnumerable<(OpenApiParameter Parameter, string Pointer)> MergeParameters(OpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        var operationKeys = new HashSet<string>(
            operation.Parameters.Where(p => p is not null).Select(p => p.In + ":" + p.Name),
            StringComparer.Ordinal);
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (var i = 0; i < pathItem.Parameters.Count; i++)
        {
            var parameter = pathItem.Parameters[i];
            if (parameter is not null && parameter.Name is not null && !operationKeys.Contains(parameter.In + ":" + parameter.Name))
            {
                yield return (parameter, pathPointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            if (parameter is not null && parameter.Name is not null)
            {
                yield return (parameter, pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private ParameterModel? BuildParameter(OpenApiParameter parameter, string pointer, string methodName, NameScope names)
    {
        ParameterLocation location;
        switch (parameter.In)
        {
            case SpecParameterLocation.Path:
                location = ParameterLocation.Path;
                break;
            case SpecParameterLocation.Query:
                location = ParameterLocation.Query;
                break;
            case SpecParameterLocation.Header:
                location = ParameterLocation.Header;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "only path, query and header parameters are generated");
                return null;
        }

        if (parameter.Schema is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "a parameter needs a schema");
            return null;
        }

        var type = TypeFor(parameter.Schema, methodName, parameter.Name, pointer + "/schema");
        var scalar = type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;
        var listOfScalars = location == ParameterLocation.Query && type.Kind == TypeKind.Array &&
                            type.Item!.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;
        if (!scalar && !listOfScalars)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "its schema (" + type.Kind + ") cannot be sent as a " + location.ToString().ToLowerInvariant() + " value");
            return null;
        }

        var wanted = Naming.ToCamelCase(parameter.Name);
        if (wanted.Length == 0)
        {
            wanted = "parameter";
        }

        if (Naming.IsKeyword(wanted))
        {
            Report(DiagnosticDescriptors.KeywordName.Id, pointer, wanted, "@" + wanted);
            wanted = "@" + wanted;
        }

        var name = names.Claim(wanted);
        if (name != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer, parameter.Name, wanted, name);
        }

        return new ParameterModel(
            parameter.Name,
            name,
            location,
            type,
            parameter.Required || location == ParameterLocation.Path,
            Clean(parameter.Description ?? parameter.Schema.Description),
            ConstraintsFor(parameter.Schema, type, pointer + "/schema"),
            type.Kind == TypeKind.Array ? ConstraintsFor(parameter.Schema.Items, type.Item!, pointer + "/schema/items") : ConstraintsModel.None);
    }

    private (TypeModel? Type, string? Description, bool Ok) SuccessResponse(OpenApiOperation operation, string methodName, string pointer, string operationId)
    {
        var responses = operation.Responses ?? new OpenApiResponses();
        var success = responses
            .Where(pair => pair.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (KeyValuePair<string, OpenApiResponse>?)pair)
            .FirstOrDefault();
        if (success is null && responses.TryGetValue("default", out var fallback))
        {
            success = new KeyValuePair<string, OpenApiResponse>("default", fallback);
        }

        if (success is not { Value: not null } chosen || chosen.Value.Content.Count == 0)
        {
            return (null, Clean(success?.Value?.Description), true);
        }

        var media = JsonMedia(chosen.Value.Content);
        if (media is null && chosen.Value.Content.Values.All(m => m?.Schema is null))
        {
            return (null, Clean(chosen.Value.Description), true);
        }

        if (media is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/responses/" + Escape(chosen.Key), "The operation " + operationId, "its response is not JSON (" + string.Join(", ", chosen.Value.Content.Keys) + ")");
            return (null, null, false);
        }

        var type = TypeFor(media.Schema, methodName, "Response", pointer + "/responses/" + Escape(chosen.Key));
        return (type, Clean(chosen.Value.Description), true);
    }

    private OpenApiMediaType? JsonMedia(IDictionary<string, OpenApiMediaType> content)
    {
        // Swagger 2.0 without "produces"/"consumes" reads as application/octet-stream; a schema that is not a file
        // means the author meant JSON, as Swagger 2.0 tooling assumes.
        if (_isSwagger2 && content.Count == 1 && content.TryGetValue("application/octet-stream", out var untyped) &&
            untyped?.Schema is { } schema && !(schema.Type == "file" || (schema.Type == "string" && schema.Format == "binary")))
        {
            return untyped;
        }

        foreach (var key in new[] { "application/json", "*/*" })
        {
            if (content.TryGetValue(key, out var exact) && exact is not null)
            {
                return exact;
            }
        }

        return content
            .Where(pair => pair.Value is not null && pair.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(pair => pair.Value)
            .FirstOrDefault();
    }

    private static string? StringExtension(OpenApiOperation operation, string name) =>
        operation.Extensions.TryGetValue(name, out var value) && value is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value)
            ? text.Value.Trim()
            : null;
}
