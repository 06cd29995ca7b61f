using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Parsing;

/// <summary><c>{Operation}InBatchesAsync</c>, where the spec states it with the <c>x-iotda-batch-*</c> keys.</summary>
internal sealed partial class ModelBuilder
{
    private BatchModel? BuildBatch(OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        var itemsName = Conventions.Text(draft.Source, Conventions.BatchItems);
        if (itemsName is null)
        {
            return null;
        }

        var operation = draft.Operation;
        BatchModel? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, draft.Pointer + "/" + Conventions.BatchItems, "Batching of " + operation.OperationId, reason);
            return null;
        }

        string? Key(string key) => Conventions.Text(draft.Source, key);
        var stated = new[] { Conventions.BatchSuccesses, Conventions.BatchFailures, Conventions.BatchFailureId, Conventions.BatchFailureCode, Conventions.BatchFailureMessage };
        if (stated.FirstOrDefault(key => Key(key) is null) is { } missing)
        {
            return Fail("the operation does not name its response's " + missing.Substring("x-iotda-batch-".Length) + " with " + missing);
        }

        if (operation.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Body) is not { Type.Kind: TypeKind.Object } body || !classes.TryGetValue(body.Type.Name, out var bodyClass))
        {
            return Fail("the request body is not an object");
        }

        if (bodyClass.Polymorphism is not null)
        {
            return Fail("the request body is the abstract base of several kinds, which the batch loop cannot make again for every batch");
        }

        var items = bodyClass.Properties.FirstOrDefault(p => p.JsonName == itemsName);
        if (items is not { Type.Kind: TypeKind.Array } || items.Type.ItemType.Kind != TypeKind.String || items.Constraints.MaxItems is not > 0)
        {
            return Fail("the body has no string array '" + itemsName + "' with a positive maxItems");
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var resultClass))
        {
            return Fail("the response is not an object");
        }

        if (resultClass.Polymorphism is not null)
        {
            return Fail("the response is the abstract base of several kinds, which the batch loop cannot make to merge the batches' results");
        }

        var successes = resultClass.Properties.FirstOrDefault(p => p.JsonName == Key(Conventions.BatchSuccesses) && p.Type.Kind == TypeKind.Array && p.Type.ItemType.Kind == TypeKind.String);
        var failures = resultClass.Properties.FirstOrDefault(p => p.JsonName == Key(Conventions.BatchFailures) && p.Type.Kind == TypeKind.Array && p.Type.ItemType.Kind == TypeKind.Object);
        if (successes is null || failures is null || !classes.TryGetValue(failures.Type.ItemType.Name, out var failureClass))
        {
            return Fail("the response needs a string array '" + Key(Conventions.BatchSuccesses) + "' and an object array '" + Key(Conventions.BatchFailures) + "'");
        }

        if (failureClass.Polymorphism is not null)
        {
            return Fail("each failure is the abstract base of several kinds, which the batch loop cannot make for a batch that failed whole");
        }

        PropertyModel? FailureMember(string key) => failureClass.Properties.FirstOrDefault(p => p.JsonName == Key(key) && p.Type.Kind == TypeKind.String);
        if (FailureMember(Conventions.BatchFailureId) is not { } id || FailureMember(Conventions.BatchFailureCode) is not { } code || FailureMember(Conventions.BatchFailureMessage) is not { } message)
        {
            return Fail("each failure needs the string members that " + Conventions.BatchFailureId + ", -code and -message name");
        }

        var batchSize = items.Constraints.MaxItems!.Value;
        var names = OtherParameterNames(operation);
        var members = new List<(PropertyModel Property, ArgumentModel Argument)>();
        var arguments = operation.Arguments.Where(a => a.Role == ArgumentRole.Path).ToList();
        foreach (var property in bodyClass.Properties)
        {
            var argument = MemberArgument(names, property, draft.Pointer);
            if (property == items)
            {
                argument = argument with
                {
                    Role = ArgumentRole.BatchItems,
                    Required = true,
                    Nullable = false,
                    Description = property.Description + "\nAny number of items: duplicates are dropped, and they are sent " + Count(batchSize) + " per call.",
                    Constraints = ConstraintsModel.None,
                };
                arguments.Add(argument);
                arguments.Add(new ArgumentModel(
                    "progress", "progress", ArgumentRole.Progress, TypeModel.Json, false, true, false,
                    "Told after each call how many batches and items are done.", ConstraintsModel.None, ConstraintsModel.None));
            }
            else
            {
                arguments.Add(argument);
            }

            members.Add((property, argument));
        }

        arguments.AddRange(operation.Arguments.Where(a => a.Role is ArgumentRole.Query or ArgumentRole.Header or ArgumentRole.Cookie));
        var itemsArgument = members.Single(m => m.Property == items).Argument.Name;
        return new BatchModel(
            ClaimHelperName(operation, "InBatches", draft.Pointer + "/" + Conventions.BatchItems),
            operation.Summary + " Any number of items, sent in batches of " + Count(batchSize) + ".",
            "The items are de-duplicated and split into batches of at most " + Count(batchSize) + " (the spec's maxItems), sent one after another. " +
            "The merged result names every distinct item exactly once: in the success list, or in the failure list with the service's error. " +
            "A batch the service rejects as a whole marks each of its items failed with the error's code and message; an item the service " +
            "reports in neither list is marked failed with the code <see cref=\"global::IoTDA.Runtime.BatchCollector.NotReportedErrorCode\"/>. " +
            "A batch without a usable answer (an unreadable response, a lost connection, a timeout) marks its items failed with the code " +
            "<see cref=\"global::IoTDA.Runtime.BatchCollector.OutcomeUnknownErrorCode\"/>, as the service may have applied it; the next batch is still sent " +
            "unless <see cref=\"global::IoTDA.Runtime.IoTDAClientOptions.StopBatchesAtUnknownOutcome\"/> is set. " +
            "Cancellation throws a <see cref=\"global::IoTDA.Runtime.BatchCanceledException\"/> whose partial result names every item.",
            WithDefaults(arguments),
            itemsArgument,
            itemsName,
            batchSize,
            body.Type,
            response,
            failures.Type.ItemType,
            successes.Name,
            failures.Name,
            id.Name,
            code.Name,
            message.Name,
            operation.Arguments.Select(a => a.Role == ArgumentRole.Body ? new Binding("body", BindingSource.NewBody, "") : new Binding(a.Name, BindingSource.Argument, a.Name)).ToEquatableArray(),
            members.Select(m => new Binding(m.Property.Name, m.Property == items ? BindingSource.Batch : BindingSource.Argument, m.Argument.Name)).ToEquatableArray(),
            resultClass.Properties.Select(p => ResultBinding(p, successes, failures, operation, members)).ToEquatableArray());
    }

    /// <summary>
    /// Each member of the merged result: the merged lists, else an input that states it for sure (the policy ID, the
    /// target type), else what the first answer said.
    /// </summary>
    private static Binding ResultBinding(PropertyModel property, PropertyModel successes, PropertyModel failures, OperationModel operation, List<(PropertyModel Property, ArgumentModel Argument)> members)
    {
        if (property == successes)
        {
            return new Binding(property.Name, BindingSource.Succeeded, "");
        }

        if (property == failures)
        {
            return new Binding(property.Name, BindingSource.Failed, "");
        }

        bool Fits(TypeModel type, bool required) => type == property.Type && (required || !property.Required);
        var input = operation.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Path && a.WireName == property.JsonName && Fits(a.Type, true))
                    ?? members.Where(m => m.Property.JsonName == property.JsonName && m.Property.Type.Kind != TypeKind.Array && Fits(m.Property.Type, m.Property.Required))
                        .Select(m => m.Argument).FirstOrDefault();
        return input is null
            ? new Binding(property.Name, BindingSource.FirstAnswer, "")
            : new Binding(property.Name, BindingSource.Argument, input.Name);
    }

    /// <summary>A body member as a parameter of a method that builds the body itself.</summary>
    private ArgumentModel MemberArgument(NameScope names, PropertyModel property, string pointer)
    {
        var wanted = Naming.ToCamelCase(property.JsonName);
        if (wanted.Length == 0)
        {
            wanted = "value";
        }

        var name = Claim(names, Naming.IsKeyword(wanted) ? "@" + wanted : wanted, property.JsonName, pointer);
        return new ArgumentModel(
            name, property.JsonName, ArgumentRole.BodyMember, property.Type, property.Required, property.IsNullable, false,
            property.Description, property.Constraints, property.ItemConstraints);
    }

    /// <summary>The names a helper method's own parameters must avoid: its fixed ones and the operation's.</summary>
    private static NameScope OtherParameterNames(OperationModel operation) =>
        new(MethodOwnParameters.Concat(operation.Arguments.Where(a => a.Role != ArgumentRole.Body).Select(a => a.Name)).ToArray());

    /// <summary>A batching or paging method's name, claimed after every operation's own.</summary>
    private string ClaimHelperName(OperationModel operation, string suffix, string pointer) =>
        Claim(_methodNames, operation.MethodName + suffix, operation.OperationId, pointer);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
