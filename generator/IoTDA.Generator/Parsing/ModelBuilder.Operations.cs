using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using SpecParameterLocation = Microsoft.OpenApi.Models.ParameterLocation;

namespace IoTDA.Generator.Parsing;

/// <summary>Paths and operations: each operation's method, its arguments, body and response.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Names every generated method gives its own parameters; the spec's parameters are named around them.</summary>
    private static readonly string[] MethodOwnParameters = { "body", "cancellationToken", "progress" };

    private List<OperationDraft> BuildOperations()
    {
        var drafts = new List<OperationDraft>();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        if (_document.Paths is null)
        {
            return drafts;
        }

        foreach (var pathPair in _document.Paths)
        {
            if (pathPair.Value is null)
            {
                continue;
            }

            foreach (var operationPair in pathPair.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var method = operationPair.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + JsonPointer.Escape(pathPair.Key) + "/" + operationPair.Key.ToString().ToLowerInvariant();
                if (BuildOperation(pathPair.Key, method, pathPair.Value, operationPair.Value, pointer, operationIds) is { } draft)
                {
                    drafts.Add(draft);
                }
            }
        }

        return drafts;
    }

    private OperationDraft? BuildOperation(string path, string method, OpenApiPathItem pathItem, OpenApiOperation operation, string pointer, HashSet<string> operationIds)
    {
        var operationId = operation.OperationId;
        string wanted;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            wanted = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path);
            operationId = wanted;
            Report(DiagnosticDescriptors.MissingOperationId, pointer, method, path, wanted + "Async");
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
        var methodName = _methodNames.Claim(wanted);
        if (duplicate)
        {
            Report(DiagnosticDescriptors.DuplicateOperationId, pointer + "/operationId", operationId!, methodName + "Async");
        }
        else if (methodName != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision, pointer + "/operationId", operationId!, wanted, methodName);
        }

        var requestBody = operation.RequestBody is { Content.Count: > 0 } stated ? stated : null;
        var jsonMedia = requestBody is null ? null : JsonMedia(requestBody.Content);
        var formMedia = requestBody is null || jsonMedia is not null ? null : FormMedia(requestBody.Content);
        var urlEncodedMedia = requestBody is null || jsonMedia is not null || formMedia is not null ? null : UrlEncodedMedia(requestBody.Content, pointer + "/requestBody");
        var parameterNames = new NameScope(formMedia is null && urlEncodedMedia is null ? MethodOwnParameters : FormMethodOwnParameters);
        var parameters = new List<ArgumentModel>();
        foreach (var (parameter, parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (_isHuaweiCloud && parameter.In == SpecParameterLocation.Path && parameter.Name == Conventions.ProjectIdParameter)
            {
                continue;
            }

            var argument = BuildParameter(parameter, parameterPointer, methodName, parameterNames);
            if (argument is null)
            {
                if (parameter.In == SpecParameterLocation.Path)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "The operation " + operationId, "its path parameter '" + parameter.Name + "' cannot be expressed");
                    return null;
                }

                continue;
            }

            parameters.Add(argument);
        }

        var bodyArguments = new List<ArgumentModel>();
        if (jsonMedia is not null)
        {
            var bodyType = TypeFor(jsonMedia.Schema, methodName, "Request", pointer + "/requestBody");
            bodyArguments.Add(new ArgumentModel(
                "body", "body", ArgumentRole.Body, bodyType, requestBody!.Required, !requestBody.Required, false,
                Docs.From(requestBody.Description ?? jsonMedia.Schema?.Description) ?? "The request body.",
                ConstraintsModel.None, ConstraintsModel.None));
        }
        else if (formMedia is not null)
        {
            var parts = BuildFormParts(requestBody!, formMedia, methodName, pointer + "/requestBody", operationId!, parameterNames, urlEncoded: false);
            if (parts is null)
            {
                return null;
            }

            bodyArguments.AddRange(parts);
        }
        else if (urlEncodedMedia is not null)
        {
            bodyArguments.AddRange(BuildFormParts(requestBody!, urlEncodedMedia, methodName, pointer + "/requestBody", operationId!, parameterNames, urlEncoded: true)!);
        }
        else if (requestBody is not null && RawMedia(requestBody.Content, "The operation " + operationId, pointer + "/requestBody") is { } raw)
        {
            bodyArguments.Add(new ArgumentModel(
                "body", "body", ArgumentRole.RawBody, raw.IsText ? TypeModel.String : TypeModel.Json, requestBody.Required, !requestBody.Required, false,
                Docs.From(requestBody.Description) ?? RawBodyDescription(raw),
                ConstraintsModel.None, ConstraintsModel.None)
            {
                Raw = raw,
            });
        }

        SuccessResponse(operation, methodName, pointer, operationId!, out var response, out var rawResponse, out var responseDescription, out var responseStatuses);

        var arguments = parameters.Where(p => p.Role == ArgumentRole.Path)
            .Concat(bodyArguments)
            .Concat(parameters.Where(p => p.Role == ArgumentRole.Query))
            .Concat(parameters.Where(p => p.Role == ArgumentRole.Header))
            .Concat(parameters.Where(p => p.Role == ArgumentRole.Cookie));
        var model = new OperationModel(
            operationId!,
            methodName,
            method,
            path,
            Docs.From(operation.Summary) ?? XmlText.Escape(operationId!),
            Docs.From(operation.Description),
            operation.Deprecated,
            WithDefaults(arguments),
            response,
            responseDescription ?? "A task that completes when the service has answered.",
            null,
            null)
        {
            RawResponse = rawResponse,
            ResponseStatuses = responseStatuses,
            FormIsUrlEncoded = urlEncodedMedia is not null,
        };
        return new OperationDraft(model, operation, pointer);
    }

    /// <summary>
    /// Optional arguments after the last required one default to null; earlier ones must be passed (C# allows
    /// defaults only at the end).
    /// </summary>
    private static EquatableArray<ArgumentModel> WithDefaults(IEnumerable<ArgumentModel> arguments)
    {
        var list = arguments.ToList();
        var lastRequired = list.FindLastIndex(a => a.Required);
        return list.Select((argument, index) => argument with { DefaultsToNull = !argument.Required && index > lastRequired }).ToEquatableArray();
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

    private ArgumentModel? BuildParameter(OpenApiParameter parameter, string pointer, string methodName, NameScope names)
    {
        ArgumentRole role;
        switch (parameter.In)
        {
            case SpecParameterLocation.Path:
                role = ArgumentRole.Path;
                break;
            case SpecParameterLocation.Query:
                role = ArgumentRole.Query;
                break;
            case SpecParameterLocation.Header:
                role = ArgumentRole.Header;
                break;
            case SpecParameterLocation.Cookie:
                role = ArgumentRole.Cookie;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "The parameter '" + parameter.Name + "'", "it is in neither the path, the query, a header nor a cookie");
                return null;
        }

        // What the generator cannot format (an object, a oneOf, a parameter described by content instead of a
        // schema) is still passed: as a string the caller formats, so the operation can be called.
        // An object written in place is not built at all: no class would ever be used for it.
        var type = parameter.Schema is null || (parameter.Schema.Reference is null && (IsObject(parameter.Schema) || IsUnion(parameter.Schema)))
            ? TypeModel.Json
            : TypeFor(parameter.Schema, methodName, parameter.Name, pointer + "/schema");
        var listOfScalars = role == ArgumentRole.Query && type.Kind == TypeKind.Array && type.ItemType.IsScalar;
        // Base64 and URIs hold '/', which a path value may not: in a path they are the caller's to encode.
        var callerFormats = (!type.IsScalar && !listOfScalars) || (role == ArgumentRole.Path && type.Kind is TypeKind.Bytes or TypeKind.Uri);
        if (callerFormats)
        {
            Report(DiagnosticDescriptors.CallerFormattedParameter, pointer, parameter.Name, parameter.Schema is null ? "none" : type.Kind.ToString(), role.ToString().ToLowerInvariant());
            type = TypeModel.String;
        }

        var name = ClaimParameterName(names, parameter.Name, pointer);
        var required = parameter.Required || role == ArgumentRole.Path;
        return new ArgumentModel(
            name,
            parameter.Name,
            role,
            type,
            required,
            !required,
            false,
            (Docs.From(parameter.Description ?? parameter.Schema?.Description) ?? "The " + XmlText.Escape(name.TrimStart('@')) + " value.") +
                (callerFormats ? " The generator does not format this value: pass it as the text the spec's style makes of it." : ""),
            callerFormats ? ConstraintsModel.None : ConstraintsFor(parameter.Schema, type, pointer + "/schema"),
            callerFormats ? ConstraintsModel.None : ItemConstraintsFor(parameter.Schema, type, pointer + "/schema"))
        {
            ListSeparator = listOfScalars ? ListSeparator(parameter) : null,
            SpansSegments = role == ArgumentRole.Path && type.Kind == TypeKind.String && SpansSegments(parameter),
        };
    }

    private static string RawBodyDescription(RawContent raw) => raw.IsText
        ? "The request body, as text (" + XmlText.Escape(raw.MediaType) + ")."
        : "The request body (" + XmlText.Escape(raw.MediaType) + "), read from the stream to its end once, when the call starts, so every attempt sends the same bytes.";

    /// <summary>
    /// A path parameter that may hold slashes: OpenAPI's <c>allowReserved</c>, or the <c>x-multi-segment</c> extension
    /// (GitHub's spec marks its file paths so).
    /// </summary>
    private static bool SpansSegments(OpenApiParameter parameter) =>
        parameter.AllowReserved || parameter.Extensions.TryGetValue(Conventions.MultiSegment, out var flag) && flag is OpenApiBoolean { Value: true };

    /// <summary>
    /// How a query list goes out: <c>form</c> with <c>explode</c> (OpenAPI's default, and Swagger 2.0's
    /// <c>multi</c>) repeats the parameter; without it, and <c>spaceDelimited</c> and <c>pipeDelimited</c>, join the
    /// items into one value.
    /// </summary>
    private static string? ListSeparator(OpenApiParameter parameter) => parameter.Explode ? null : parameter.Style switch
    {
        ParameterStyle.SpaceDelimited => " ",
        ParameterStyle.PipeDelimited => "|",
        _ => ",",
    };

    /// <summary>A camelCase parameter name; a C# keyword is escaped with <c>@</c> and reported.</summary>
    private string ClaimParameterName(NameScope names, string specName, string pointer)
    {
        var wanted = Naming.ToCamelCase(specName);
        if (wanted.Length == 0)
        {
            wanted = "parameter";
        }

        if (Naming.IsKeyword(wanted))
        {
            Report(DiagnosticDescriptors.KeywordName, pointer, wanted, "@" + wanted);
            wanted = "@" + wanted;
        }

        return Claim(names, wanted, specName, pointer);
    }
}
