using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Parsing;

/// <summary><c>{Operation}AllAsync</c>, where the spec states it with the <c>x-iotda-page-*</c> keys.</summary>
internal sealed partial class ModelBuilder
{
    private PagingModel? BuildPaging(OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        var marker = Conventions.Text(draft.Source, Conventions.PageMarker);
        if (marker is null)
        {
            return null;
        }

        var operation = draft.Operation;
        PagingModel? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, draft.Pointer + "/" + Conventions.PageMarker, "Paging of " + operation.OperationId, reason);
            return null;
        }

        if (operation.Arguments.Any(a => a.Role is ArgumentRole.FormText or ArgumentRole.FormJson or ArgumentRole.FormFile))
        {
            return Fail("it sends a multipart form, whose files could not be sent again for every page");
        }

        if (operation.Arguments.Any(a => a.Role == ArgumentRole.RawBody))
        {
            return Fail("its body is not JSON, and a stream could not be sent again for every page");
        }

        var body = operation.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Body);
        var bodyClass = body is { Type.Kind: TypeKind.Object } && classes.TryGetValue(body.Type.Name, out var found) ? found : null;
        if (bodyClass?.Polymorphism is not null)
        {
            return Fail("its body is the abstract base of several kinds, which the page loop cannot make again for every page");
        }

        bool markerInBody;
        if (operation.Arguments.Any(a => a.Role == ArgumentRole.Query && a.WireName == marker && a.Type.Kind == TypeKind.String))
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

        if (markerInBody && bodyClass!.Properties.Any(p => p.Type.Kind is TypeKind.Array or TypeKind.Map or TypeKind.Object or TypeKind.Json))
        {
            return Fail("a body that carries the marker may hold only simple members");
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var responseClass))
        {
            return Fail("the response is not an object");
        }

        if (responseClass.Polymorphism is not null)
        {
            return Fail("the response is the abstract base of several kinds, whose item array is not every kind's");
        }

        var itemsName = Conventions.Text(draft.Source, Conventions.PageItems);
        var items = itemsName is null
            ? responseClass.Properties.Where(p => p.Type.Kind == TypeKind.Array).Take(2).ToList() is { Count: 1 } single ? single[0] : null
            : responseClass.Properties.FirstOrDefault(p => p.JsonName == itemsName && p.Type.Kind == TypeKind.Array);
        if (items is null)
        {
            return Fail("the response's item array is not found; name it with " + Conventions.PageItems);
        }

        var nextMarker = Conventions.Text(draft.Source, Conventions.PageNextMarker) ?? marker;
        var path = NextMarkerPath(responseClass, nextMarker, classes);
        if (path is null)
        {
            return Fail("the response has no string at '" + nextMarker + "'; name it with " + Conventions.PageNextMarker);
        }

        var offset = Conventions.Text(draft.Source, Conventions.PageOffset);
        if (offset is not null && !(markerInBody
                ? bodyClass!.Properties.Any(p => p.JsonName == offset && p.Type.IsNumber && !p.Required)
                : operation.Arguments.Any(a => a.WireName == offset && a.Role != ArgumentRole.Body && a.Type.IsNumber && !a.Required)))
        {
            return Fail("the offset '" + offset + "' is not an optional number beside the marker");
        }

        var arguments = operation.Arguments.Where(a => a.Role == ArgumentRole.Path).ToList();
        var bodyMembers = new List<Binding>();
        if (markerInBody)
        {
            var names = OtherParameterNames(operation);
            foreach (var property in bodyClass!.Properties)
            {
                if (property.JsonName == marker)
                {
                    bodyMembers.Add(new Binding(property.Name, BindingSource.Marker, ""));
                    continue;
                }

                var argument = MemberArgument(names, property, draft.Pointer);
                arguments.Add(argument);
                bodyMembers.Add(new Binding(property.Name, property.JsonName == offset ? BindingSource.ArgumentOnFirstPageOnly : BindingSource.Argument, argument.Name));
            }
        }
        else if (body is not null)
        {
            arguments.Add(body with { Constraints = ConstraintsModel.None });
        }

        bool IsQueryMarker(ArgumentModel a) => !markerInBody && a.Role == ArgumentRole.Query && a.WireName == marker;
        arguments.AddRange(operation.Arguments.Where(a => a.Role is ArgumentRole.Query or ArgumentRole.Header or ArgumentRole.Cookie && !IsQueryMarker(a)));
        var call = operation.Arguments.Select(a => a.Role switch
        {
            ArgumentRole.Body => markerInBody ? new Binding("body", BindingSource.NewBody, "") : new Binding(a.Name, BindingSource.Argument, a.Name),
            ArgumentRole.Path or ArgumentRole.RawBody => new Binding(a.Name, BindingSource.Argument, a.Name),
            ArgumentRole.Query or ArgumentRole.Header or ArgumentRole.Cookie => new Binding(
                a.Name,
                IsQueryMarker(a) ? BindingSource.Marker : !markerInBody && a.WireName == offset ? BindingSource.ArgumentOnFirstPageOnly : BindingSource.Argument,
                a.Name),
            ArgumentRole.BodyMember or ArgumentRole.BatchItems or ArgumentRole.Progress =>
                throw new System.InvalidOperationException("An operation's own method has no " + a.Role + " argument."),
            ArgumentRole.FormText or ArgumentRole.FormJson or ArgumentRole.FormFile =>
                throw new System.InvalidOperationException("A form operation is not paged; the check above refuses it first."),
        });

        return new PagingModel(
            ClaimHelperName(operation, "All", draft.Pointer + "/" + Conventions.PageMarker),
            operation.Summary + " Every page, one item at a time.",
            "Follows the paging marker from page to page until a page comes back empty or without a new marker. " +
            "A marker the service repeats from an earlier page, or one the API would reject, ends it with an <see cref=\"global::IoTDA.Runtime.IoTDAException\"/>." +
            (offset is null ? "" : " The " + XmlText.Escape(offset) + " applies to the first page only."),
            WithDefaults(arguments),
            items.Type.ItemType,
            items.Name,
            path.ToEquatableArray(),
            markerInBody ? body!.Type : null,
            call.ToEquatableArray(),
            bodyMembers.ToEquatableArray());
    }

    /// <summary>The property names from the response to the next marker (dotted JSON names), or null when there is no string there.</summary>
    private static List<string>? NextMarkerPath(ClassModel responseClass, string dottedName, Dictionary<string, ClassModel> classes)
    {
        var path = new List<string>();
        ClassModel? current = responseClass;
        var segments = dottedName.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = current?.Properties.FirstOrDefault(p => p.JsonName == segments[i]);
            var last = i == segments.Length - 1;
            if (property is null || (last ? property.Type.Kind != TypeKind.String : property.Type.Kind != TypeKind.Object))
            {
                return null;
            }

            path.Add(property.Name);
            current = last ? null : classes.TryGetValue(property.Type.Name, out var next) ? next : null;
        }

        return path;
    }
}
