using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;

namespace IoTDA.Generator.Emitting;

/// <summary><c>{OperationId}AllAsync</c>: follow the marker from page to page.</summary>
internal static partial class ClientEmitter
{
    private static MethodSpec? PagingMethod(CSharp cs, SpecModel spec, OperationModel operation, PagingModel paging)
    {
        var responseClass = spec.Classes.FirstOrDefault(c => c.Name == operation.Response!.Name);
        if (responseClass is null)
        {
            return null;
        }

        var names = new NameScope("body", "cancellationToken");
        foreach (var parameter in operation.Parameters)
        {
            names.Claim(parameter.Name);
        }

        var parameters = new List<MethodParameter>();
        parameters.AddRange(operation.Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => FromSpec(cs, p)));
        var members = new List<(PropertyModel Property, string Name)>();
        if (paging.MarkerInBody)
        {
            var bodyClass = spec.Classes.First(c => c.Name == operation.Body!.Type.Name);
            foreach (var property in bodyClass.Properties)
            {
                var name = property.JsonName == paging.MarkerJsonName ? "" : names.Claim(ParameterName(property.JsonName));
                members.Add((property, name));
                if (name.Length > 0)
                {
                    parameters.Add(new MethodParameter(name, ModelEmitter.PropertyType(cs, property), property.Required,
                        property.Description, CSharp.ConstraintAttributes(property.JsonName, property.Constraints)));
                }
            }
        }
        else if (operation.Body is { } body)
        {
            parameters.Add(new MethodParameter("body", cs.Type(body.Type, nullable: !body.Required), body.Required,
                body.Description ?? "The request body.", System.Array.Empty<string>()));
        }

        parameters.AddRange(operation.Parameters
            .Where(p => p.Location != ParameterLocation.Path && !(p.Location == ParameterLocation.Query && p.SpecName == paging.MarkerJsonName && !paging.MarkerInBody))
            .Select(p => FromSpec(cs, p)));

        return new MethodSpec(
            operation.MethodName + "AllAsync",
            "global::System.Collections.Generic.IAsyncEnumerable<" + cs.Type(paging.ItemType) + ">",
            "async ",
            parameters,
            (operation.Summary ?? operation.OperationId) + " Every page, one item at a time.",
            "Follows the paging marker from page to page until a page comes back empty or without a new marker." +
            (paging.OffsetJsonName is null ? "" : " The " + paging.OffsetJsonName + " applies to the first page only."),
            "The items of every page, in the order the service returns them.",
            operation.Deprecated,
            writer => WritePagingBody(writer, cs, operation, paging, members),
            isAsyncIterator: true);
    }

    private static void WritePagingBody(SourceWriter writer, CSharp cs, OperationModel operation, PagingModel paging, List<(PropertyModel Property, string Name)> members)
    {
        var offsetName = paging.OffsetJsonName is null
            ? null
            : paging.MarkerInBody
                ? members.First(m => m.Property.JsonName == paging.OffsetJsonName).Name
                : operation.Parameters.First(p => p.SpecName == paging.OffsetJsonName).Name;
        writer.Line("string? __marker = null;");
        if (offsetName is not null)
        {
            writer.Line("var __offset = " + offsetName + ";");
        }

        writer.Open("while (true)");
        var arguments = new List<string>();
        if (paging.MarkerInBody)
        {
            writer.Line("var __body = new " + cs.Named(operation.Body!.Type.Name) + "();");
            foreach (var (property, name) in members)
            {
                var value = property.JsonName == paging.MarkerJsonName ? "__marker" : name == offsetName ? "__offset" : name;
                writer.Line("__body." + property.Name + " = " + value + ";");
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            arguments.Add(parameter.Name + ": " + parameter.Name);
        }

        if (operation.Body is not null)
        {
            arguments.Add("body: " + (paging.MarkerInBody ? "__body" : "body"));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            var value = !paging.MarkerInBody && parameter.SpecName == paging.MarkerJsonName ? "__marker"
                : !paging.MarkerInBody && parameter.Name == offsetName ? "__offset"
                : parameter.Name;
            arguments.Add(parameter.Name + ": " + value);
        }

        arguments.Add("cancellationToken: cancellationToken");
        writer.Line("var __page = await " + operation.MethodName + "Async(" + string.Join(", ", arguments) + ").ConfigureAwait(false);");
        if (offsetName is not null)
        {
            writer.Line("__offset = null;");
        }

        writer.Open("foreach (var __item in __page." + paging.ItemsProperty + ")");
        writer.Line("yield return __item;");
        writer.Close();
        writer.Line();
        writer.Line("var __next = __page." + string.Join("?.", paging.NextMarkerPath) + ";");
        writer.Open("if (__page." + paging.ItemsProperty + ".Count == 0 || string.IsNullOrEmpty(__next) || __next == __marker)");
        writer.Line("yield break;");
        writer.Close();
        writer.Line();
        writer.Line("__marker = __next;");
        writer.Close();
    }

    private static string ParameterName(string jsonName)
    {
        var name = Naming.ToCamelCase(jsonName);
        if (name.Length == 0)
        {
            name = "value";
        }

        return Naming.IsKeyword(name) ? "@" + name : name;
    }
}
