using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;

namespace IoTDA.Generator.Emitting;

/// <summary><c>{OperationId}InBatchesAsync</c>: split, send, merge.</summary>
internal static partial class ClientEmitter
{
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
        // A result member that neither the merge nor the inputs state is taken from the first answer; only then is
        // the first answer kept at all.
        var keepsFirstAnswer = resultClass.Properties.Any(property =>
            property.Name != batch.SuccessProperty && property.Name != batch.FailureProperty && InputFor(operation, members, property) is null);
        if (keepsFirstAnswer)
        {
            writer.Line(result + "? __first = null;");
        }

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
        if (keepsFirstAnswer)
        {
            writer.Line("__first = __first ?? __result;");
        }

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
}
