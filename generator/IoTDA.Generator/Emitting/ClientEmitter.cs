using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>Emits the client class and its interface: one method per operation, plus batching and paging methods.</summary>
internal static partial class ClientEmitter
{
    private const string Core = "_core";

    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var methods = spec.Operations.SelectMany(operation => Methods(cs, operation)).ToList();
        var writer = Emitter.Header(spec);
        var accessibility = CSharp.Accessibility(spec);

        writer.Doc("summary", spec.ClientSummary);
        writer.Doc("remarks", spec.Description);
        writer.Line(Emitter.GeneratedCodeAttribute(spec));
        writer.Open(accessibility + " partial interface I" + spec.ClientName);
        Emitter.Separated(writer, methods, method =>
        {
            WriteDocs(writer, method);
            WriteObsolete(writer, method);
            writer.Line(Signature(cs, method) + ";");
        });
        writer.Close();
        writer.Line();

        writer.Doc("summary", spec.ClientSummary);
        writer.Doc("remarks", spec.Description);
        writer.Line(Emitter.GeneratedCodeAttribute(spec));
        writer.Open(accessibility + " partial class " + spec.ClientName + " : " + cs.Named("I" + spec.ClientName));
        writer.Lines($$"""
            private readonly {{CSharp.Runtime}}IoTDAClientCore {{Core}};

            """);
        if (spec.Server is { } server)
        {
            writer.Lines($$"""
                /// <summary>
                /// The spec's first server, where requests go when neither the options' <c>Endpoint</c> nor the HTTP client's
                /// base address names another (either replaces it whole, path included). A relative URL is relative to where
                /// the spec is served: such a spec's client needs an endpoint.
                /// </summary>
                public static global::System.Uri ServerUrl { get; } = new global::System.Uri({{CSharp.Literal(server.Url)}}, global::System.UriKind.{{(server.IsRelative ? "Relative" : "Absolute")}});

                """);
        }

        var coreArguments = spec.Security.IsHuaweiCloud
            ? (spec.Server is null ? "" : ", ServerUrl")
            : ", " + (spec.Server is null ? "null" : "ServerUrl") + ", s_security";
        if (!spec.Security.IsHuaweiCloud)
        {
            writer.Lines($$"""
                /// <summary>The credentials the spec's security schemes take, and where they go.</summary>
                private static readonly {{CSharp.Runtime}}ApiSecurity s_security = {{SecurityExpression(spec.Security)}};

                """);
        }

        writer.Lines($$"""
            /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
            /// <param name="httpClient">The HTTP client; its base address is the endpoint.</param>
            /// <param name="options">The credentials, project, instance and retry settings.</param>
            public {{spec.ClientName}}(global::System.Net.Http.HttpClient httpClient, {{CSharp.Runtime}}IoTDAClientOptions options)
            {
                {{Core}} = new {{CSharp.Runtime}}IoTDAClientCore(httpClient, options{{coreArguments}});
            }

            /// <summary>The options this client was created with.</summary>
            public {{CSharp.Runtime}}IoTDAClientOptions Options => {{Core}}.Options;
            """);
        foreach (var method in methods)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            WriteObsolete(writer, method);
            writer.Open("public " + Signature(cs, method));
            method.WriteBody(writer);
            writer.Close();
        }

        foreach (var operation in spec.Operations)
        {
            writer.Line();
            WriteRequestBuilder(writer, cs, operation);
        }

        writer.Close();
        return Emitter.Footer(writer);
    }

    private static string SecurityExpression(SecurityModel security) =>
        CSharp.Runtime + "ApiSecurity.Schemes(" +
        (security.ApiKeyName is { } name ? CSharp.Literal(name) : "null") + ", " +
        CSharp.Runtime + "ApiKeyLocation." + security.ApiKeyLocation + ", " +
        "bearer: " + (security.Bearer ? "true" : "false") + ", basic: " + (security.Basic ? "true" : "false") + ")";

    private static IEnumerable<GeneratedMethod> Methods(CSharp cs, OperationModel operation)
    {
        var returnType = operation.Response is { } response ? CSharp.Task + "<" + cs.Type(response) + ">"
            : operation.RawResponse is { } raw ? CSharp.Task + "<" + (raw.IsText ? "string" : "global::System.IO.Stream") + ">"
            : CSharp.Task;
        yield return new GeneratedMethod(
            operation.MethodName + "Async",
            returnType,
            operation.Arguments,
            operation.Summary,
            operation.Description,
            operation.ResponseDescription,
            operation.Deprecated,
            writer => WriteSend(writer, cs, operation));

        yield return new GeneratedMethod(
            operation.WithResponseName + "Async",
            CSharp.Task + "<" + CSharp.Runtime + "IoTDAResponse" + (operation.Response is { } typed ? "<" + cs.Type(typed) + ">" : "") + ">",
            operation.Arguments,
            operation.Summary,
            WithResponseRemarks(operation),
            "The answer: its status, headers and body" + (operation.Response is null ? "." : ", and the body read when its status is the one the spec describes."),
            operation.Deprecated,
            writer => WriteSendWithResponse(writer, cs, operation));

        if (operation.Batch is { } batch)
        {
            yield return new GeneratedMethod(
                batch.MethodName + "Async",
                CSharp.Task + "<" + cs.Type(batch.ResultType) + ">",
                batch.Arguments,
                batch.Summary,
                batch.Remarks,
                "The merged result of all batches.",
                operation.Deprecated,
                writer => WriteBatchBody(writer, cs, operation, batch));
        }

        if (operation.Paging is { } paging)
        {
            yield return new GeneratedMethod(
                paging.MethodName + "Async",
                "global::System.Collections.Generic.IAsyncEnumerable<" + cs.Type(paging.ItemType) + ">",
                paging.Arguments,
                paging.Summary,
                paging.Remarks,
                "The items of every page, in the order the service returns them.",
                operation.Deprecated,
                writer => WritePagingBody(writer, cs, operation, paging));
        }
    }
}
