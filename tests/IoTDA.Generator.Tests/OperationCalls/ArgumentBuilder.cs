using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTDA.Generator.Tests.SpecReading;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>
/// Builds an argument for a schema and the generated C# type that carries it, together with the JSON the client
/// must send for it. The spec decides the value; the C# type only has to be able to hold it, or the build fails
/// naming the member. Every property of an object is set, so every name of the spec is on the wire.
/// </summary>
internal sealed class ArgumentBuilder
{
    /// <summary>Objects nested deeper leave their object, map and array members unset, which ends a recursive schema.</summary>
    private const int MaxDepth = 12;

    private const string FreeJson = """{"free":["value",1]}""";
    private const string MapKey = "key1";

    private readonly ValuePicker _picker;
    private readonly string _operationId;

    public ArgumentBuilder(ValuePicker picker, string operationId)
    {
        _picker = picker;
        _operationId = operationId;
    }

    /// <param name="example">For a string: the example to try first (a parameter's own, or the schema's).</param>
    /// <param name="index">Which item of an array this is, so the items of one array differ.</param>
    public (object? Value, JsonNode Json) Build(SpecSchema schema, Type type, string member, ValuePlace place, string? example = null, int index = 0, int depth = 0)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (schema.Kind)
        {
            case SchemaKind.Object:
                return BuildObject(schema, target, member, depth);
            case SchemaKind.Map:
                return BuildMap(schema, target, member, depth);
            case SchemaKind.Array:
                return BuildArray(schema, target, member, place, depth);
            case SchemaKind.String:
                Require(target == typeof(string), schema, type, member);
                var text = _picker.String(schema, example ?? schema.Example, member, place);
                return (text, JsonValue.Create(text));
            case SchemaKind.Enum:
                var value = _picker.EnumValue(schema, member, index);
                return (EnumArgument(value, target, schema, type, member), JsonValue.Create(value));
            case SchemaKind.Binary:
                throw new InvalidOperationException($"{_operationId}: {member} is a binary string outside a multipart body.");
            case SchemaKind.Integer:
                Require(target == typeof(int) || target == typeof(long), schema, type, member);
                var whole = _picker.Integer(schema);
                return (target == typeof(int) ? checked((int)whole) : (object)whole, JsonValue.Create(whole));
            case SchemaKind.Number:
                Require(target == typeof(double), schema, type, member);
                var number = _picker.Number(schema);
                return (number, JsonValue.Create(number));
            case SchemaKind.Boolean:
                Require(target == typeof(bool), schema, type, member);
                return (true, JsonValue.Create(true));
            case SchemaKind.Free:
                Require(target == typeof(JsonElement), schema, type, member);
                using (var document = JsonDocument.Parse(FreeJson))
                {
                    return (document.RootElement.Clone(), JsonNode.Parse(FreeJson)!);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(schema), schema.Kind, null);
        }
    }

    private (object? Value, JsonNode Json) BuildObject(SpecSchema schema, Type type, string member, int depth)
    {
        Require(type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null, schema, type, member);
        var instance = Activator.CreateInstance(type)!;
        var json = new JsonObject();
        foreach (var (name, propertySchema) in schema.Properties)
        {
            if (depth >= MaxDepth && propertySchema.Kind is SchemaKind.Object or SchemaKind.Map or SchemaKind.Array)
            {
                continue;
            }

            var csharpName = CSharpNames.Pascal(name);
            var property = type.GetProperty(csharpName, BindingFlags.Public | BindingFlags.Instance);
            if (property is not { CanWrite: true } || property.SetMethod?.IsPublic != true)
            {
                throw new InvalidOperationException($"{_operationId}: {type.Name} has no public settable property {csharpName} for the spec's {member}.{name}.");
            }

            var (value, node) = Build(propertySchema, property.PropertyType, member + "." + name, ValuePlace.Body, depth: depth + 1);
            property.SetValue(instance, value);
            json[name] = node;
        }

        return (instance, json);
    }

    private (object? Value, JsonNode Json) BuildMap(SpecSchema schema, Type type, string member, int depth)
    {
        var valueType = GenericArgument(type, typeof(IReadOnlyDictionary<,>), 1);
        Require(valueType is not null && GenericArgument(type, typeof(IReadOnlyDictionary<,>), 0) == typeof(string), schema, type, member);
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType!))!;
        Require(type.IsInstanceOfType(map), schema, type, member);
        var (value, node) = Build(schema.MapValues, valueType!, member + "." + MapKey, ValuePlace.Body, depth: depth + 1);
        map.Add(MapKey, value);
        return (map, new JsonObject { [MapKey] = node });
    }

    private (object? Value, JsonNode Json) BuildArray(SpecSchema schema, Type type, string member, ValuePlace place, int depth)
    {
        var itemType = type.IsArray ? type.GetElementType() : GenericArgument(type, typeof(IEnumerable<>), 0);
        Require(itemType is not null && type != typeof(string), schema, type, member);
        var count = Math.Max(1, schema.MinItems ?? 0);
        var items = Array.CreateInstance(itemType!, count);
        Require(type.IsInstanceOfType(items), schema, type, member);
        var json = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var (value, node) = Build(schema.Items, itemType!, member + "[" + i + "]", place, index: i, depth: depth + 1);
            items.SetValue(value, i);
            json.Add(node);
        }

        return (items, json);
    }

    /// <summary>An extensible enum struct through its public <c>(string value)</c> constructor, or a plain string.</summary>
    private object EnumArgument(string value, Type target, SpecSchema schema, Type type, string member)
    {
        if (target == typeof(string))
        {
            return value;
        }

        var constructor = target.IsValueType ? target.GetConstructor(new[] { typeof(string) }) : null;
        Require(constructor is not null, schema, type, member);
        return constructor!.Invoke(new object[] { value });
    }

    /// <summary>The type's own or an implemented interface's generic argument for <paramref name="definition"/>.</summary>
    private static Type? GenericArgument(Type type, Type definition, int position) =>
        new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == definition)
            ?.GetGenericArguments()[position];

    private void Require(bool holds, SpecSchema schema, Type type, string member)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{_operationId}: {member} is a {schema.Kind} in the spec, but its C# type {type} cannot carry that.");
        }
    }
}
