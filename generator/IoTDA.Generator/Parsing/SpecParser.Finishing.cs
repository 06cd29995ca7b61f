using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using ParameterLocation = IoTDA.Generator.Model.ParameterLocation;

namespace IoTDA.Generator.Parsing;

/// <summary>The last pass: inline enum names, batching and paging, which need every class built.</summary>
internal sealed partial class SpecParser
{
    private TypeModel Fix(TypeModel type) => type.Kind switch
    {
        TypeKind.Enum when _enumNames.TryGetValue(type.Name, out var name) => new TypeModel(TypeKind.Enum, name, null),
        TypeKind.Array => TypeModel.ArrayOf(Fix(type.Item!)),
        TypeKind.Map => TypeModel.MapOf(Fix(type.Item!)),
        _ => type,
    };

    private ClassModel FixClass(ClassModel model) =>
        model with { Properties = model.Properties.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray() };

    private OperationModel FixOperation(OperationDraft draft, Dictionary<string, ClassModel> byName)
    {
        var model = draft.Model with
        {
            Parameters = draft.Model.Parameters.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray(),
            Body = draft.Model.Body is { } body ? body with { Type = Fix(body.Type) } : null,
            Response = draft.Model.Response is { } response ? Fix(response) : null,
        };

        if (draft.BatchItems is not null)
        {
            model = model with { Batch = BuildBatch(model, draft, byName) };
        }

        if (draft.PageMarker is not null)
        {
            model = model with { Paging = BuildPaging(model, draft, byName) };
        }

        return model;
    }

    private BatchModel? BuildBatch(OperationModel operation, OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        string? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, draft.Pointer + "/" + BatchItemsExtension, "Batching of " + operation.OperationId, reason);
            return null;
        }

        if (operation.Body is not { Type.Kind: TypeKind.Object } body || !classes.TryGetValue(body.Type.Name, out var bodyClass))
        {
            Fail("the request body is not an object");
            return null;
        }

        var items = bodyClass.Properties.FirstOrDefault(p => p.JsonName == draft.BatchItems);
        if (items is not { Type.Kind: TypeKind.Array } || items.Type.Item!.Kind != TypeKind.String || items.Constraints.MaxItems is not > 0)
        {
            Fail("the body has no string array '" + draft.BatchItems + "' with a positive maxItems");
            return null;
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var responseClass))
        {
            Fail("the response is not an object");
            return null;
        }

        var successes = responseClass.Properties.FirstOrDefault(p =>
            p.JsonName.IndexOf("success", StringComparison.OrdinalIgnoreCase) >= 0 && p.Type.Kind == TypeKind.Array && p.Type.Item!.Kind == TypeKind.String);
        var failures = responseClass.Properties.FirstOrDefault(p =>
            p.JsonName.IndexOf("fail", StringComparison.OrdinalIgnoreCase) >= 0 && p.Type.Kind == TypeKind.Array && p.Type.Item!.Kind == TypeKind.Object);
        if (successes is null || failures is null || !classes.TryGetValue(failures.Type.Item!.Name, out var failureClass))
        {
            Fail("the response needs a string array of successes and an object array of failures");
            return null;
        }

        PropertyModel? StringMember(Func<string, bool> match) =>
            failureClass.Properties.FirstOrDefault(p => p.Type.Kind == TypeKind.String && match(p.JsonName));
        var id = StringMember(n => n.EndsWith("id", StringComparison.OrdinalIgnoreCase));
        var code = StringMember(n => n.IndexOf("code", StringComparison.OrdinalIgnoreCase) >= 0);
        var message = StringMember(n => n.IndexOf("msg", StringComparison.OrdinalIgnoreCase) >= 0 || n.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0);
        if (id is null || code is null || message is null)
        {
            Fail("each failure needs string members for the ID, the error code and the message");
            return null;
        }

        return new BatchModel(items.JsonName, items.Constraints.MaxItems!.Value, successes.Name, failures.Name, failureClass.Name, id.Name, code.Name, message.Name);
    }

    private PagingModel? BuildPaging(OperationModel operation, OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        PagingModel? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, draft.Pointer + "/" + PageMarkerExtension, "Paging of " + operation.OperationId, reason);
            return null;
        }

        var marker = draft.PageMarker!;
        bool markerInBody;
        ClassModel? bodyClass = operation.Body is { Type.Kind: TypeKind.Object } body && classes.TryGetValue(body.Type.Name, out var found) ? found : null;
        if (operation.Parameters.Any(p => p.SpecName == marker && p.Location == ParameterLocation.Query && p.Type.Kind == TypeKind.String))
        {
            markerInBody = false;
        }
        else if (bodyClass is not null && bodyClass.Properties.Any(p => p.JsonName == marker && p.Type.Kind == TypeKind.String && !p.Required))
        {
            markerInBody = true;
        }
        else
        {
            return Fail("no optional string query parameter or body member is named '" + marker + "'");
        }

        if (markerInBody && bodyClass!.Properties.Any(p => p.Type.IsCollection || p.Type.Kind == TypeKind.Object || p.Type.Kind == TypeKind.Json))
        {
            return Fail("a body that carries the marker may hold only simple members");
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var responseClass))
        {
            return Fail("the response is not an object");
        }

        var itemsName = draft.PageItems;
        var items = itemsName is null
            ? responseClass.Properties.Where(p => p.Type.Kind == TypeKind.Array).Take(2).ToList() is { Count: 1 } single ? single[0] : null
            : responseClass.Properties.FirstOrDefault(p => p.JsonName == itemsName && p.Type.Kind == TypeKind.Array);
        if (items is null)
        {
            return Fail("the response's item array is not found; name it with " + PageItemsExtension);
        }

        var path = new List<string>();
        var current = responseClass;
        var segments = (draft.PageNextMarker ?? marker).Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = current?.Properties.FirstOrDefault(p => p.JsonName == segments[i]);
            var last = i == segments.Length - 1;
            if (property is null || (last ? property.Type.Kind != TypeKind.String : property.Type.Kind != TypeKind.Object))
            {
                return Fail("the response has no string at '" + (draft.PageNextMarker ?? marker) + "'; name it with " + PageNextMarkerExtension);
            }

            path.Add(property.Name);
            current = last ? null : classes.TryGetValue(property.Type.Name, out var next) ? next : null;
        }

        var offset = draft.PageOffset;
        if (offset is not null)
        {
            var exists = markerInBody
                ? bodyClass!.Properties.Any(p => p.JsonName == offset && p.Type.IsNumber && !p.Required)
                : operation.Parameters.Any(p => p.SpecName == offset && p.Type.IsNumber && !p.Required);
            if (!exists)
            {
                return Fail("the offset '" + offset + "' is not an optional number beside the marker");
            }
        }

        return new PagingModel(marker, markerInBody, offset, path.ToEquatableArray(), items.Name, items.Type.Item!);
    }
}
