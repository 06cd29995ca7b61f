using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the client class and its interface: one method per operation, plus batching and paging helpers.</summary>
internal static partial class ClientEmitter
{
    private const string Core = "_core";

    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var methods = spec.Operations.SelectMany(operation => Methods(cs, spec, operation)).ToList();
        var writer = Emitter.Header(spec);

        var clientDoc = spec.Title is null ? "A client for the operations of the spec." : "A client for " + spec.Title + ".";
        writer.Doc("summary", clientDoc);
        writer.Doc("remarks", spec.Description);
        writer.Line(Emitter.GeneratedCodeAttribute);
        writer.Open(CSharp.Accessibility(spec) + " partial interface I" + spec.ClientName);
        for (var i = 0; i < methods.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            methods[i].WriteDocs(writer);
            methods[i].WriteObsolete(writer);
            writer.Line(methods[i].Signature(forInterface: true) + ";");
        }

        writer.Close();
        writer.Line();

        writer.Doc("summary", clientDoc);
        writer.Doc("remarks", spec.Description);
        writer.Line(Emitter.GeneratedCodeAttribute);
        writer.Open(CSharp.Accessibility(spec) + " partial class " + spec.ClientName + " : " + cs.Named("I" + spec.ClientName));
        writer.Line("private readonly " + CSharp.Runtime + "IoTDAClientCore " + Core + ";");
        writer.Line();
        writer.Line("/// <summary>Creates a client that sends its requests through <paramref name=\"httpClient\"/>.</summary>");
        writer.Line("/// <param name=\"httpClient\">The HTTP client; its base address is the endpoint.</param>");
        writer.Line("/// <param name=\"options\">The credentials, project, instance and retry settings.</param>");
        writer.Open("public " + spec.ClientName + "(global::System.Net.Http.HttpClient httpClient, " + CSharp.Runtime + "IoTDAClientOptions options)");
        writer.Line(Core + " = new " + CSharp.Runtime + "IoTDAClientCore(httpClient, options);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The options this client was created with.</summary>");
        writer.Line("public " + CSharp.Runtime + "IoTDAClientOptions Options => " + Core + ".Options;");
        foreach (var method in methods)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            method.WriteObsolete(writer);
            writer.Open("public " + method.Modifiers + method.Signature(forInterface: false));
            method.WriteBody(writer);
            writer.Close();
        }

        writer.Close();
        return Emitter.Footer(writer);
    }

    private static IEnumerable<MethodSpec> Methods(CSharp cs, SpecModel spec, OperationModel operation)
    {
        yield return OperationMethod(cs, operation);
        if (operation.Batch is { } batch)
        {
            var method = BatchMethod(cs, spec, operation, batch);
            if (method is not null)
            {
                yield return method;
            }
        }

        if (operation.Paging is { } paging)
        {
            var method = PagingMethod(cs, spec, operation, paging);
            if (method is not null)
            {
                yield return method;
            }
        }
    }

    private static MethodSpec OperationMethod(CSharp cs, OperationModel operation)
    {
        var parameters = new List<MethodParameter>();
        parameters.AddRange(operation.Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => FromSpec(cs, p)));
        if (operation.Body is { } body)
        {
            parameters.Add(new MethodParameter("body", cs.Type(body.Type, nullable: !body.Required), body.Required,
                body.Description ?? "The request body.", CSharp.ConstraintAttributes("body", ConstraintsModel.None)));
        }

        parameters.AddRange(operation.Parameters.Where(p => p.Location != ParameterLocation.Path).Select(p => FromSpec(cs, p)));
        var returnType = operation.Response is { } response ? CSharp.Task + "<" + cs.Type(response) + ">" : CSharp.Task;
        return new MethodSpec(
            operation.MethodName + "Async",
            returnType,
            "",
            parameters,
            operation.Summary ?? operation.OperationId,
            operation.Description,
            operation.ResponseDescription,
            operation.Deprecated,
            writer => WriteOperationBody(writer, cs, operation));
    }

    private static MethodParameter FromSpec(CSharp cs, ParameterModel parameter) =>
        new(parameter.Name,
            cs.Type(parameter.Type, nullable: !parameter.Required),
            parameter.Required,
            parameter.Description,
            CSharp.ConstraintAttributes(parameter.SpecName, parameter.Constraints));

    private static void WriteOperationBody(SourceWriter writer, CSharp cs, OperationModel operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            JsonEmitter.EmitMemberChecks(writer, cs, parameter.Type, parameter.Name, parameter.Required,
                CSharp.Literal(parameter.SpecName), parameter.Constraints, parameter.ItemConstraints);
        }

        if (operation.Body is { } body)
        {
            if (body.Required && !body.Type.IsValueType)
            {
                writer.Line(CSharp.Validation + ".Required(body, \"body\");");
            }

            if (body.Type.Kind == TypeKind.Object)
            {
                var validate = cs.JsonClass + ".Validate" + body.Type.Name + "(body, \"\");";
                if (body.Required)
                {
                    writer.Line(validate);
                }
                else
                {
                    writer.Open("if (body != null)");
                    writer.Line(validate);
                    writer.Close();
                }
            }
            else if (body.Type.IsCollection)
            {
                JsonEmitter.EmitMemberChecks(writer, cs, body.Type, "body", false, "\"body\"", ConstraintsModel.None, ConstraintsModel.None);
            }
        }

        writer.Line();
        writer.Line("var __request = new " + CSharp.Runtime + "IoTDARequest(" + CSharp.Literal(operation.OperationId) + ", " +
                    HttpMethod(operation.HttpMethod) + ", " + CSharp.Literal(operation.Path) + ");");
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            writer.Line("__request.SetPathParameter(" + CSharp.Literal(parameter.SpecName) + ", " + Text(parameter.Type, parameter.Name, nullable: false) + ");");
        }

        if (operation.Body is { } requestBody)
        {
            var bodyWriter = requestBody.Type.Kind == TypeKind.Object
                ? cs.JsonClass + ".Write" + requestBody.Type.Name
                : "(__writer, __value) => " + JsonEmitter.WriteValue(cs, requestBody.Type, "__value", "__writer", 0);
            var optional = !requestBody.Required;
            var value = optional && requestBody.Type.IsValueType ? "body.Value" : "body";
            var statement = "__request.SetJsonBody(" + value + ", " + bodyWriter + ");";
            if (optional)
            {
                writer.Open(requestBody.Type.IsValueType ? "if (body.HasValue)" : "if (body != null)");
                writer.Line(statement);
                writer.Close();
            }
            else
            {
                writer.Line(statement);
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            writer.Line("__request.AddQuery(" + CSharp.Literal(parameter.SpecName) + ", " + QueryValue(parameter) + ");");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            writer.Line("__request.AddHeader(" + CSharp.Literal(parameter.SpecName) + ", " + Text(parameter.Type, parameter.Name, nullable: !parameter.Required) + ");");
        }

        writer.Line(operation.Response is { } response
            ? "return " + Core + ".SendAsync<" + cs.Type(response) + ">(__request, " + cs.JsonClass + ".ReadResponseOf" + operation.MethodName + ", cancellationToken);"
            : "return " + Core + ".SendAsync(__request, cancellationToken);");
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharp.Literal(method) + ")",
    };

    /// <summary>A scalar as the text a path segment or header carries.</summary>
    private static string Text(TypeModel type, string name, bool nullable) => type.Kind switch
    {
        TypeKind.String => name,
        TypeKind.Int32 or TypeKind.Int64 => name + (nullable ? "?" : "") + ".ToString(" + CSharp.Invariant + ")",
        TypeKind.Single or TypeKind.Double => name + (nullable ? "?" : "") + ".ToString(\"R\", " + CSharp.Invariant + ")",
        TypeKind.Boolean => nullable ? "(" + name + " == null ? null : " + name + ".Value ? \"true\" : \"false\")" : "(" + name + " ? \"true\" : \"false\")",
        _ => name + (nullable ? "?" : "") + ".ToString()",
    };

    private static string QueryValue(ParameterModel parameter)
    {
        var name = parameter.Name;
        var nullable = !parameter.Required;
        return parameter.Type.Kind switch
        {
            TypeKind.String => name,
            TypeKind.Int32 or TypeKind.Int64 => "(long?)" + name,
            TypeKind.Single or TypeKind.Double => "(double?)" + name,
            TypeKind.Boolean => "(bool?)" + name,
            TypeKind.Enum => name + (nullable ? "?" : "") + ".ToString()",
            _ when parameter.Type.Item!.Kind == TypeKind.String => name,
            _ => name + " == null ? null : global::System.Linq.Enumerable.Select(" + name + ", __item => " + Text(parameter.Type.Item!, "__item", nullable: false) + ")",
        };
    }
}
