using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// <c>{Operation}Async</c> and <c>{Operation}WithResponseAsync</c>: one private method checks the arguments and builds
/// the request, and each sends it and reads the answer its way.
/// </summary>
internal static partial class ClientEmitter
{
    private static void WriteSend(SourceWriter writer, CSharp cs, OperationModel operation)
    {
        var request = BuildRequest(operation);
        // Lambdas, not method groups, here and for the body's writer: cached at C# 8 too (see JsonEmitter.ItemReader).
        writer.Line(operation.Response is { } response
            ? $"return {Core}.SendAsync<{cs.Type(response)}>({request}, {ResponseReader(cs, operation)}, cancellationToken);"
            : operation.RawResponse is { } rawResponse
                ? $"return {Core}.{(rawResponse.IsText ? "SendForTextAsync" : "SendForStreamAsync")}({request}, cancellationToken);"
                : $"return {Core}.SendAsync({request}, cancellationToken);");
    }

    private static void WriteSendWithResponse(SourceWriter writer, CSharp cs, OperationModel operation)
    {
        var request = BuildRequest(operation);
        writer.Line(operation.Response is { } response
            ? $"return {Core}.SendWithResponseAsync<{cs.Type(response)}>({request}, {ResponseReader(cs, operation)}, {(operation.ResponseStatuses is { } statuses ? "new[] { " + string.Join(", ", statuses.Select(CSharp.Literal)) + " }" : "null")}, cancellationToken);"
            : $"return {Core}.SendWithResponseAsync({request}, cancellationToken);");
    }

    private static string WithResponseRemarks(OperationModel operation)
    {
        var value = operation.Response is null
            ? "The body, if any, is left as it came (<c>Body</c>)."
            : "<c>Value</c> holds the body read " + (operation.ResponseStatuses is { } statuses
                ? "when the status is " + string.Join(" or ", statuses.Select(CSharp.Literal))
                : "for any success status") + "; for another, <c>Body</c> holds what came.";
        return (operation.Description is { } description ? description + "\n" : "") +
               "As <c>" + operation.MethodName + "Async</c>, with the answer's status and headers. " + value;
    }

    private static string BuildRequest(OperationModel operation) =>
        operation.RequestBuilderName + "(" + string.Join(", ", operation.Arguments.Select(argument => argument.Name)) + ")";

    /// <summary>A lambda, not a method group: before C# 11 only a lambda's delegate is cached instead of made per call.</summary>
    private static string ResponseReader(CSharp cs, OperationModel operation) =>
        $"(ref {CSharp.Json}Utf8JsonReader __reader) => {cs.JsonClass}.ReadResponseOf{operation.MethodName}(ref __reader)";

    /// <summary>The private method both sending methods call: it checks the arguments and builds the request.</summary>
    private static void WriteRequestBuilder(SourceWriter writer, CSharp cs, OperationModel operation)
    {
        var signature = string.Join(", ", operation.Arguments.Select(argument => ArgumentType(cs, argument) + " " + argument.Name));
        writer.Open($"private {CSharp.Runtime}IoTDARequest {operation.RequestBuilderName}({signature})");
        var parameters = operation.Arguments.Where(a => a.Role is not (ArgumentRole.Body or ArgumentRole.RawBody)).ToList();
        var body = operation.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Body);
        var raw = operation.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.RawBody);
        foreach (var parameter in parameters)
        {
            ValidationEmitter.WriteMemberChecks(writer, cs, parameter.Type, parameter.Name, parameter.Required,
                CSharp.Literal(parameter.WireName), parameter.Constraints, parameter.ItemConstraints);
        }

        if (body is not null)
        {
            ValidationEmitter.WriteBodyChecks(writer, cs, body);
        }

        if (raw is { Required: true })
        {
            writer.Line(CSharp.Validation + ".Required(body, \"body\");");
        }

        writer.Line();
        writer.Line($"var __request = new {CSharp.Runtime}IoTDARequest({CSharp.Literal(operation.OperationId)}, {HttpMethod(operation.HttpMethod)}, {CSharp.Literal(operation.Path)});");
        foreach (var parameter in parameters.Where(p => p.Role == ArgumentRole.Path))
        {
            var set = parameter.SpansSegments ? "SetPathSegments" : "SetPathParameter";
            writer.Line($"__request.{set}({CSharp.Literal(parameter.WireName)}, {Text(cs, parameter.Type, parameter.Name, nullable: false)});");
        }

        if (body is not null)
        {
            WriteJsonValue(writer, cs, body, "__request.SetJsonBody(");
        }

        if (raw is not null)
        {
            WriteRawBody(writer, raw);
        }

        foreach (var part in parameters)
        {
            WriteFormPart(writer, cs, part);
        }

        if (operation.FormIsUrlEncoded)
        {
            writer.Line("__request.SetUrlEncodedFormBody();");
        }

        foreach (var parameter in parameters.Where(p => p.Role == ArgumentRole.Query))
        {
            var separator = parameter.ListSeparator is { } joiner ? ", " + CSharp.Literal(joiner) : "";
            writer.Line($"__request.AddQuery({CSharp.Literal(parameter.WireName)}, {TextArgument(cs, parameter)}{separator});");
        }

        foreach (var parameter in parameters.Where(p => p.Role is ArgumentRole.Header or ArgumentRole.Cookie))
        {
            var add = parameter.Role == ArgumentRole.Header ? "AddHeader" : "AddCookie";
            writer.Line($"__request.{add}({CSharp.Literal(parameter.WireName)}, {Text(cs, parameter.Type, parameter.Name, parameter.Nullable)});");
        }

        writer.Line("return __request;");
        writer.Close();
    }

    /// <summary>A body that is not JSON: text, or a stream the call reads; an optional one that is null sends none.</summary>
    private static void WriteRawBody(SourceWriter writer, ArgumentModel raw)
    {
        var set = $"__request.{(raw.Raw!.IsText ? "SetTextBody" : "SetStreamBody")}(body, {CSharp.Literal(raw.Raw.MediaType)});";
        if (!raw.Nullable)
        {
            writer.Line(set);
            return;
        }

        writer.Open("if (body != null)");
        writer.Line(set);
        writer.Close();
    }

    /// <summary>A form part in the order of the schema; other arguments write nothing here.</summary>
    private static void WriteFormPart(SourceWriter writer, CSharp cs, ArgumentModel part)
    {
        var name = CSharp.Literal(part.WireName);
        var write = part.Role switch
        {
            ArgumentRole.FormText => (System.Action)(() => writer.Line($"__request.AddFormField({name}, {TextArgument(cs, part)});")),
            ArgumentRole.FormJson => () => WriteJsonValue(writer, cs, part, $"__request.AddFormJson({name}, "),
            ArgumentRole.FormFile => () => writer.Line($"__request.AddFormFile({name}, {part.Name});"),
            ArgumentRole.Path or ArgumentRole.Query or ArgumentRole.Header or ArgumentRole.Cookie or ArgumentRole.Body or ArgumentRole.RawBody
                or ArgumentRole.BodyMember or ArgumentRole.BatchItems or ArgumentRole.Progress => null,
        };
        write?.Invoke();
    }

    /// <summary>
    /// <paramref name="call"/> (<c>SetJsonBody(</c> or <c>AddFormJson("name", </c>) with the argument and its JSON
    /// writer; an optional argument that is null sends nothing.
    /// </summary>
    private static void WriteJsonValue(SourceWriter writer, CSharp cs, ArgumentModel argument, string call)
    {
        var jsonWriter = "(__writer, __value) => " + JsonEmitter.WriteValue(cs, argument.Type, "__value", "__writer", 0);
        var value = argument.Nullable && argument.Type.IsValueType ? argument.Name + ".Value" : argument.Name;
        var statement = $"{call}{value}, {jsonWriter});";
        if (!argument.Nullable)
        {
            writer.Line(statement);
            return;
        }

        writer.Open(argument.Type.IsValueType ? $"if ({argument.Name}.HasValue)" : $"if ({argument.Name} != null)");
        writer.Line(statement);
        writer.Close();
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
    private static string Text(CSharp cs, TypeModel type, string name, bool nullable) => type.Kind switch
    {
        TypeKind.String => name,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String => $"{name}{(nullable ? "?" : "")}.ToString({CSharp.Invariant})",
        TypeKind.Single or TypeKind.Double => $"{name}{(nullable ? "?" : "")}.ToString(\"R\", {CSharp.Invariant})",
        TypeKind.Boolean => nullable ? $"({name} == null ? null : {name}.Value ? \"true\" : \"false\")" : $"({name} ? \"true\" : \"false\")",
        TypeKind.Enum => $"{name}{(nullable ? "?" : "")}.ToString()",
        TypeKind.IntEnum => nullable ? $"((long?){name})?.ToString({CSharp.Invariant})" : $"((long){name}).ToString({CSharp.Invariant})",
        TypeKind.DateTime or TypeKind.Guid => nullable ? $"({name} == null ? null : {CSharp.Text}({name}.Value))" : $"{CSharp.Text}({name})",
        TypeKind.Date => nullable ? $"({name} == null ? null : {cs.FormatDate(name + ".Value")})" : cs.FormatDate(name),
        TypeKind.Uri or TypeKind.Bytes => nullable ? $"({name} == null ? null : {CSharp.Text}({name}))" : $"{CSharp.Text}({name})",
        TypeKind.Json or TypeKind.Object or TypeKind.Array or TypeKind.Map =>
            throw new System.InvalidOperationException("A " + type.Kind + " is not sent as text; the parser keeps such parameters out."),
    };

    /// <summary>A scalar, or a list of scalars, as the runtime's <c>AddQuery</c> and <c>AddFormField</c> overloads take it.</summary>
    private static string TextArgument(CSharp cs, ArgumentModel parameter)
    {
        var name = parameter.Name;
        return parameter.Type.Kind switch
        {
            TypeKind.String => name,
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String => "(long?)" + name,
            TypeKind.Single or TypeKind.Double => "(double?)" + name,
            TypeKind.Boolean => "(bool?)" + name,
            TypeKind.Enum => name + (parameter.Nullable ? "?" : "") + ".ToString()",
            TypeKind.IntEnum => "(long?)" + name,
            TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes => Text(cs, parameter.Type, name, parameter.Nullable),
            TypeKind.Array => parameter.Type.ItemType.Kind == TypeKind.String
                ? name
                : name + " == null ? null : global::System.Linq.Enumerable.Select(" + name + ", __item => " + Text(cs, parameter.Type.ItemType, "__item", nullable: false) + ")",
            TypeKind.Json or TypeKind.Object or TypeKind.Map =>
                throw new System.InvalidOperationException("A " + parameter.Type.Kind + " is not sent as text; the parser keeps such parameters out."),
        };
    }
}
