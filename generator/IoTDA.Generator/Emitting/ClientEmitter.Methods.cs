using System;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>The signature and docs of one generated method, printed from its model arguments.</summary>
internal static partial class ClientEmitter
{
    private sealed record GeneratedMethod(
        string Name,
        string ReturnType,
        EquatableArray<ArgumentModel> Arguments,
        string Summary,
        string? Remarks,
        string Returns,
        bool Deprecated,
        Action<SourceWriter> WriteBody);

    private static void WriteDocs(SourceWriter writer, GeneratedMethod method)
    {
        writer.Doc("summary", method.Summary);
        writer.Doc("remarks", method.Remarks);
        foreach (var argument in method.Arguments)
        {
            writer.Doc("param", argument.Description, " name=\"" + argument.Name.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Doc("returns", method.Returns);
        writer.Lines($$"""
            /// <exception cref="global::System.ArgumentException">A value breaks a rule of the spec; nothing was sent.</exception>
            /// <exception cref="{{CSharp.Runtime}}IoTDAApiException">The service answered with an error status.</exception>
            """);
    }

    /// <summary>Marks a method of a deprecated operation; its wrappers carry it too, so calling it inside them does not warn.</summary>
    private static void WriteObsolete(SourceWriter writer, GeneratedMethod method)
    {
        if (method.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The operation is deprecated in the spec.\")]");
        }
    }

    private static string Signature(CSharp cs, GeneratedMethod method)
    {
        var parts = method.Arguments
            .Select(argument => string.Concat(CSharp.ConstraintAttributes(argument.WireName, argument.Constraints).Select(a => "[" + a + "] ")) +
                                ArgumentType(cs, argument) + " " + argument.Name + (argument.DefaultsToNull ? " = null" : ""))
            .Append(CSharp.CancellationToken + " cancellationToken = default");
        return method.ReturnType + " " + method.Name + "(" + string.Join(", ", parts) + ")";
    }

    private static string ArgumentType(CSharp cs, ArgumentModel argument) => argument.Role switch
    {
        ArgumentRole.BatchItems => "global::System.Collections.Generic.IEnumerable<string>",
        ArgumentRole.Progress => "global::System.IProgress<" + CSharp.Runtime + "BatchProgress>?",
        ArgumentRole.FormFile => CSharp.Runtime + "FilePart" + (argument.Nullable ? "?" : ""),
        ArgumentRole.RawBody => (argument.Raw!.IsText ? "string" : "global::System.IO.Stream") + (argument.Nullable ? "?" : ""),
        ArgumentRole.Path or ArgumentRole.Query or ArgumentRole.Header or ArgumentRole.Cookie or ArgumentRole.Body or ArgumentRole.BodyMember
            or ArgumentRole.FormText or ArgumentRole.FormJson =>
            cs.Type(argument.Type, argument.Nullable),
    };
}
