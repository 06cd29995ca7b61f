using System;
using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Which types travel in which direction: a type only responses hold gets no writer and no validation, one only
/// request bodies (or JSON form parts) hold gets no reader, so the JSON code carries nothing that nothing calls.
/// </summary>
internal static class JsonUsage
{
    public static (List<ClassModel> Classes, List<EnumModel> Enums) Mark(
        IReadOnlyList<OperationModel> operations, IReadOnlyList<ClassModel> classes, IReadOnlyList<EnumModel> enums)
    {
        var byName = classes.ToDictionary(model => model.Name, StringComparer.Ordinal);
        var sent = Reach(byName, operations.SelectMany(SentTypes));
        // Every union reads its JSON as its alternatives when asked, wherever it stands: in a request the caller made
        // it from JSON, and one no body holds is still a public class whose methods must compile.
        var unions = classes.Where(model => model.Union is not null).Select(model => TypeModel.Object(model.Name));
        // So does a base with members: its Unknown reads them from the JSON it is made from, by whoever makes it.
        var basesWithMembers = classes.Where(model => model.Polymorphism is not null && model.Properties.Count > 0).Select(model => TypeModel.Object(model.Name));
        var received = Reach(byName, operations.SelectMany(ReceivedTypes).Concat(unions).Concat(basesWithMembers));
        return (
            classes.Select(model => model with { IsSent = sent.Contains(model.Name), IsReceived = received.Contains(model.Name) }).ToList(),
            enums.Select(model => model with { IsReceived = received.Contains(model.Name) }).ToList());
    }

    private static IEnumerable<TypeModel> SentTypes(OperationModel operation)
    {
        foreach (var argument in operation.Arguments.Where(argument => argument.Role is ArgumentRole.Body or ArgumentRole.FormJson))
        {
            yield return argument.Type;
        }

        if (operation.Batch is { } batch)
        {
            yield return batch.BodyType;
        }

        if (operation.Paging?.BodyType is { } pagingBody)
        {
            yield return pagingBody;
        }
    }

    private static IEnumerable<TypeModel> ReceivedTypes(OperationModel operation)
    {
        if (operation.Response is { } response)
        {
            yield return response;
        }

        if (operation.Batch is { } batch)
        {
            yield return batch.ResultType;
        }
    }

    /// <summary>The names of the classes and enums the roots lead to, through properties, items and map values.</summary>
    private static HashSet<string> Reach(IReadOnlyDictionary<string, ClassModel> classes, IEnumerable<TypeModel> roots)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeModel>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            switch (type.Kind)
            {
                case TypeKind.Array or TypeKind.Map:
                    pending.Push(type.ItemType);
                    break;
                case TypeKind.Enum or TypeKind.IntEnum:
                    names.Add(type.Name);
                    break;
                case TypeKind.Object when names.Add(type.Name) && classes.TryGetValue(type.Name, out var model):
                    foreach (var property in model.Properties)
                    {
                        pending.Push(property.Type);
                    }

                    // An abstract base is read and written by its variants' code, a union by its alternatives'.
                    foreach (var variant in model.Polymorphism?.Variants ?? EquatableArray<VariantModel>.Empty)
                    {
                        pending.Push(TypeModel.Object(variant.ClassName));
                    }

                    foreach (var alternative in model.Union?.Alternatives ?? EquatableArray<AlternativeModel>.Empty)
                    {
                        pending.Push(alternative.Type);
                    }

                    break;
                case TypeKind.Object or TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single
                    or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri
                    or TypeKind.Bytes or TypeKind.Json:
                    break;
            }
        }

        return names;
    }
}
