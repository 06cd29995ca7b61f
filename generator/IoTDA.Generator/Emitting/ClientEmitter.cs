using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the client class and its interface: one method per operation, plus batching and paging helpers.</summary>
internal static class ClientEmitter
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

    // ---- the operation itself ----

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

    // ---- batching ----

    private static MethodSpec? BatchMethod(CSharp cs, SpecModel spec, OperationModel operation, BatchModel batch)
    {
        var bodyClass = spec.Classes.FirstOrDefault(c => c.Name == operation.Body!.Type.Name);
        var resultClass = spec.Classes.FirstOrDefault(c => c.Name == operation.Response!.Name);
        if (bodyClass is null || resultClass is null)
        {
            return null;
        }

        var names = new NameScope("body", "progress", "cancellationToken");
        foreach (var parameter in operation.Parameters)
        {
            names.Claim(parameter.Name);
        }

        var members = bodyClass.Properties
            .Select(property => (Property: property, Name: names.Claim(ParameterName(property.JsonName))))
            .ToList();
        var itemsMember = members.First(m => m.Property.JsonName == batch.ItemsJsonName);

        var parameters = new List<MethodParameter>();
        parameters.AddRange(operation.Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => FromSpec(cs, p)));
        foreach (var (property, name) in members)
        {
            if (property.JsonName == batch.ItemsJsonName)
            {
                parameters.Add(new MethodParameter(name, "global::System.Collections.Generic.IEnumerable<string>", true,
                    (property.Description is null ? "" : property.Description + "\n") +
                    "Any number of IDs: they are de-duplicated and sent " + batch.BatchSize + " per call.",
                    System.Array.Empty<string>()));
                parameters.Add(new MethodParameter("progress", "global::System.IProgress<" + CSharp.Runtime + "BatchProgress>?", false,
                    "Told after each call how many batches and IDs are done.", System.Array.Empty<string>()));
            }
            else
            {
                parameters.Add(new MethodParameter(name, ModelEmitter.PropertyType(cs, property), property.Required,
                    property.Description, CSharp.ConstraintAttributes(property.JsonName, property.Constraints)));
            }
        }

        parameters.AddRange(operation.Parameters.Where(p => p.Location != ParameterLocation.Path).Select(p => FromSpec(cs, p)));
        var result = cs.Named(resultClass.Name);
        return new MethodSpec(
            operation.MethodName + "InBatchesAsync",
            CSharp.Task + "<" + result + ">",
            "async ",
            parameters,
            (operation.Summary ?? operation.OperationId) + " Any number of IDs, sent in batches of " + batch.BatchSize + ".",
            "The IDs are de-duplicated and split into batches of at most " + batch.BatchSize + " (the spec's maxItems), sent one after another. " +
            "The merged result names every distinct ID exactly once: in the success list, or in the failure list with the service's error. " +
            "A batch the service rejects as a whole marks each of its IDs failed with the error's code and message; an ID the service " +
            "reports in neither list is marked failed with the code " + CSharp.Runtime.Substring("global::".Length) + "BatchCollector.NotReportedErrorCode. " +
            "Cancellation stops before the next batch and throws; the progress reports tell what was done.",
            "The merged result of all batches.",
            operation.Deprecated,
            writer => WriteBatchBody(writer, cs, operation, batch, members, itemsMember.Name, resultClass));
    }

    private static void WriteBatchBody(
        SourceWriter writer,
        CSharp cs,
        OperationModel operation,
        BatchModel batch,
        List<(PropertyModel Property, string Name)> members,
        string itemsName,
        ClassModel resultClass)
    {
        var body = cs.Named(operation.Body!.Type.Name);
        var result = cs.Named(resultClass.Name);
        var failure = cs.Named(batch.FailureType);
        writer.Line(CSharp.Validation + ".Required(" + itemsName + ", " + CSharp.Literal(batch.ItemsJsonName) + ");");
        writer.Line("var __collector = new " + CSharp.Runtime + "BatchCollector(" + itemsName + ", " + CSharp.Literal(batch.BatchSize) + ");");
        writer.Line(result + "? __first = null;");
        writer.Open("for (var __index = 0; __index < __collector.Batches.Count; __index++)");
        writer.Line("cancellationToken.ThrowIfCancellationRequested();");
        writer.Line("var __batch = __collector.Batches[__index];");
        writer.Line("var __body = new " + body + "();");
        foreach (var (property, name) in members)
        {
            writer.Line("__body." + property.Name + " = " + (property.JsonName == batch.ItemsJsonName ? "__batch" : name) + ";");
        }

        writer.Open("try");
        var arguments = operation.Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => p.Name + ": " + p.Name)
            .Append("body: __body")
            .Concat(operation.Parameters.Where(p => p.Location != ParameterLocation.Path).Select(p => p.Name + ": " + p.Name))
            .Append("cancellationToken: cancellationToken");
        writer.Line("var __result = await " + operation.MethodName + "Async(" + string.Join(", ", arguments) + ").ConfigureAwait(false);");
        writer.Line("__first = __first ?? __result;");
        writer.Line("__collector.AddResult<" + failure + ">(__batch, __result." + batch.SuccessProperty + ", __result." + batch.FailureProperty + ", " +
                    "__failure => __failure." + batch.FailureIdProperty + ", __failure => __failure." + batch.FailureCodeProperty + ", __failure => __failure." + batch.FailureMessageProperty + ");");
        writer.Close();
        writer.Open("catch (" + CSharp.Runtime + "IoTDAApiException __exception)");
        writer.Line("__collector.AddFailure(__batch, __exception.ErrorCode ?? ((int)__exception.StatusCode).ToString(" + CSharp.Invariant + "), __exception.ErrorMessage ?? __exception.Message);");
        writer.Close();
        writer.Line();
        writer.Open("if (progress != null)");
        writer.Line("progress.Report(__collector.Progress());");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("var __merged = new " + result + "();");
        foreach (var property in resultClass.Properties)
        {
            if (property.Name == batch.SuccessProperty)
            {
                writer.Line("__merged." + property.Name + " = __collector.Succeeded;");
            }
            else if (property.Name == batch.FailureProperty)
            {
                writer.Line("__merged." + property.Name + " = global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(__collector.Failed, __failure => new " + failure + " { " +
                            batch.FailureIdProperty + " = __failure.Id, " + batch.FailureCodeProperty + " = __failure.Code, " + batch.FailureMessageProperty + " = __failure.Message }));");
            }
            else if (InputFor(operation, members, property) is { } input)
            {
                writer.Line("__merged." + property.Name + " = " + input + ";");
            }
            else
            {
                writer.Open("if (__first != null)");
                writer.Line("__merged." + property.Name + " = __first." + property.Name + ";");
                writer.Close();
            }
        }

        writer.Line("return __merged;");
    }

    /// <summary>The input that states a result member for sure (the policy ID, the target type), if any.</summary>
    private static string? InputFor(OperationModel operation, List<(PropertyModel Property, string Name)> members, PropertyModel resultProperty)
    {
        bool Fits(TypeModel type, bool required) => type == resultProperty.Type && (required || !resultProperty.Required);
        var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.SpecName == resultProperty.JsonName && Fits(p.Type, true));
        if (parameter is not null)
        {
            return parameter.Name;
        }

        var member = members.FirstOrDefault(m => m.Property.JsonName == resultProperty.JsonName && m.Property.Type.Kind != TypeKind.Array && Fits(m.Property.Type, m.Property.Required));
        return member.Property is null ? null : member.Name;
    }

    // ---- paging ----

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

    // ---- shared shapes ----

    private sealed record MethodParameter(string Name, string Type, bool Required, string? Description, string[] Attributes);

    private sealed class MethodSpec
    {
        private readonly List<MethodParameter> _parameters;
        private readonly System.Action<SourceWriter> _writeBody;
        private readonly bool _isAsyncIterator;
        private readonly string _name;
        private readonly string _returnType;
        private readonly string _summary;
        private readonly string? _remarks;
        private readonly string? _returns;
        private readonly bool _deprecated;

        public MethodSpec(
            string name,
            string returnType,
            string modifiers,
            List<MethodParameter> parameters,
            string summary,
            string? remarks,
            string? returns,
            bool deprecated,
            System.Action<SourceWriter> writeBody,
            bool isAsyncIterator = false)
        {
            _name = name;
            _returnType = returnType;
            Modifiers = modifiers;
            _parameters = parameters;
            _summary = summary;
            _remarks = remarks;
            _returns = returns;
            _deprecated = deprecated;
            _writeBody = writeBody;
            _isAsyncIterator = isAsyncIterator;
        }

        public string Modifiers { get; }

        public void WriteDocs(SourceWriter writer)
        {
            writer.Doc("summary", _summary);
            writer.Doc("remarks", _remarks);
            foreach (var parameter in _parameters)
            {
                writer.Doc("param", parameter.Description ?? "The " + parameter.Name.TrimStart('@') + " value.", " name=\"" + parameter.Name.TrimStart('@') + "\"");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            writer.Doc("returns", _returns ?? "A task that completes when the service has answered.");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A value breaks a rule of the spec; nothing was sent.</exception>");
            writer.Line("/// <exception cref=\"" + CSharp.Runtime + "IoTDAApiException\">The service answered with an error status.</exception>");
        }

        /// <summary>Marks a method of a deprecated operation; its wrappers carry it too, so calling it inside them does not warn.</summary>
        public void WriteObsolete(SourceWriter writer)
        {
            if (_deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The operation is deprecated in the spec.\")]");
            }
        }

        public string Signature(bool forInterface)
        {
            var lastRequired = _parameters.FindLastIndex(p => p.Required);
            var parts = new List<string>();
            for (var i = 0; i < _parameters.Count; i++)
            {
                var parameter = _parameters[i];
                var attributes = string.Concat(parameter.Attributes.Select(a => "[" + a + "] "));
                var defaultValue = !parameter.Required && i > lastRequired ? " = null" : "";
                parts.Add(attributes + parameter.Type + " " + parameter.Name + defaultValue);
            }

            parts.Add((_isAsyncIterator && !forInterface ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : "") +
                      CSharp.CancellationToken + " cancellationToken = default");
            return _returnType + " " + _name + "(" + string.Join(", ", parts) + ")";
        }

        public void WriteBody(SourceWriter writer) => _writeBody(writer);
    }
}
