using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// The batching and paging methods: one call into the runtime's <c>BatchRunner</c> or <c>PageFollower</c>, which own
/// the loop, with delegates that send one batch or fetch one page through the operation's own method.
/// </summary>
internal static partial class ClientEmitter
{
    private static void WriteBatchBody(SourceWriter writer, CSharp cs, OperationModel operation, BatchModel batch)
    {
        var result = cs.Type(batch.ResultType);
        var failure = cs.Type(batch.FailureType);
        var merged = string.Join(", ", batch.ResultMembers.Select(member => member.Target + " = " + member.Source switch
        {
            BindingSource.Succeeded => "__succeeded",
            BindingSource.Failed => "__failed",
            BindingSource.FirstAnswer => "(__first ?? new " + result + "())." + member.Target,
            BindingSource.Argument or BindingSource.ArgumentOnFirstPageOnly or BindingSource.Batch or BindingSource.Marker
                or BindingSource.NewBody => Value(cs, member, batch.BodyType, batch.BodyMembers),
        }));
        writer.Lines($$"""
            return {{CSharp.Runtime}}BatchRunner.RunAsync(
                {{batch.ItemsArgument}},
                new {{CSharp.Runtime}}BatchShape<{{result}}, {{failure}}>(
                    {{CSharp.Literal(batch.ItemsWireName)}}, {{CSharp.Literal(batch.BatchSize)}}, __result => __result.{{batch.SuccessMember}}, __result => __result.{{batch.FailureMember}},
                    __failure => __failure.{{batch.FailureIdMember}}, __failure => __failure.{{batch.FailureCodeMember}}, __failure => __failure.{{batch.FailureMessageMember}},
                    __failure => new {{failure}} { {{batch.FailureIdMember}} = __failure.Id, {{batch.FailureCodeMember}} = __failure.Code, {{batch.FailureMessageMember}} = __failure.Message }),
                (__batch, __token) => {{Call(cs, operation, batch.Call, batch.BodyType, batch.BodyMembers)}},
                (__first, __succeeded, __failed) => new {{result}} { {{merged}} },
                Options, progress, cancellationToken);
            """);
    }

    private static void WritePagingBody(SourceWriter writer, CSharp cs, OperationModel operation, PagingModel paging)
    {
        writer.Lines($$"""
            return {{CSharp.Runtime}}PageFollower.FollowAsync(
                {{CSharp.Literal(operation.OperationId)}},
                (__marker, __token) => {{Call(cs, operation, paging.Call, paging.BodyType, paging.BodyMembers)}},
                __page => __page.{{paging.ItemsMember}},
                __page => __page.{{string.Join("?.", paging.NextMarkerPath)}},
                cancellationToken);
            """);
    }

    /// <summary>The operation's own method called with the bindings, in its argument order, and the delegate's token.</summary>
    private static string Call(CSharp cs, OperationModel operation, EquatableArray<Binding> call, TypeModel? bodyType, EquatableArray<Binding> bodyMembers) =>
        operation.MethodName + "Async(" + string.Join(", ", call.Select(binding => Value(cs, binding, bodyType, bodyMembers)).Append("__token")) + ")";

    private static string Value(CSharp cs, Binding binding, TypeModel? bodyType, EquatableArray<Binding> bodyMembers) => binding.Source switch
    {
        BindingSource.Argument => binding.Argument,
        BindingSource.ArgumentOnFirstPageOnly => "__marker == null ? " + binding.Argument + " : null",
        BindingSource.Batch => "__batch",
        BindingSource.Marker => "__marker",
        BindingSource.NewBody => "new " + cs.Type(bodyType ?? throw new System.InvalidOperationException("A body binding needs the body's type.")) +
                                 " { " + string.Join(", ", bodyMembers.Select(member => member.Target + " = " + Value(cs, member, null, EquatableArray<Binding>.Empty))) + " }",
        BindingSource.Succeeded or BindingSource.Failed or BindingSource.FirstAnswer =>
            throw new System.InvalidOperationException(binding.Source + " fills a merged result, not an argument."),
    };
}
