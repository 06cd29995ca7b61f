using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using IoTDA.Emulator.Http;
using static IoTDA.Emulator.DevicePolicyLimits;

namespace IoTDA.Emulator.State;

/// <summary>
/// Reads what the emulator wrote to disk, member by member, and stops at the first member that is missing or not
/// what the emulator would have written: a policy without a usable ID would load but never be reachable, so a file
/// like that is refused at start, naming the file and the member.
/// </summary>
internal sealed partial class StateReader(string source)
{
    private const int EchoedLength = 64;

    /// <summary>What the messages call the input: the file, and the line for a journal.</summary>
    public string Source { get; } = source;

    public InvalidDataException Invalid(string member, string expected, string got) =>
        new($"{Source} cannot be read: {member} must be {expected}; got {got}.");

    public JsonElement Member(JsonElement parent, string name, string where, JsonValueKind kind, string expected)
    {
        var member = Join(where, name);
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(where.Length == 0 ? "the content" : where, "an object", Describe(parent));
        }

        if (!parent.TryGetProperty(name, out var value))
        {
            throw Invalid(member, expected, "nothing");
        }

        return value.ValueKind == kind ? value : throw Invalid(member, expected, Describe(value));
    }

    public string String(JsonElement parent, string name, string where) =>
        Member(parent, name, where, JsonValueKind.String, "a string").GetString()!;

    public int Int(JsonElement parent, string name, string where)
    {
        var value = Member(parent, name, where, JsonValueKind.Number, "a whole number");
        return value.TryGetInt32(out var number) ? number : throw Invalid(Join(where, name), "a whole number", Describe(value));
    }

    /// <summary>A policy or record ID: 24 hex digits, kept in lowercase as the emulator hands them out.</summary>
    public string HexId(JsonElement parent, string name, string where)
    {
        var value = String(parent, name, where);
        return JsonInput.IsHexId(value) ? value.ToLowerInvariant() : throw Invalid(Join(where, name), "24 hexadecimal digits", Echo(value));
    }

    public DateTimeOffset Time(JsonElement parent, string name, string where)
    {
        var value = String(parent, name, where);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw Invalid(Join(where, name), "an ISO 8601 time", Echo(value));
    }

    public string OneOf(JsonElement parent, string name, string where, IReadOnlyList<string> allowed)
    {
        var value = String(parent, name, where);
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Invalid(Join(where, name), "one of " + string.Join(", ", allowed), Echo(value));
    }

    /// <summary>Each item of an array member with the path that names it, <c>name[index]</c>.</summary>
    public IEnumerable<(JsonElement Item, string Where)> Items(JsonElement parent, string name, string where)
    {
        var index = 0;
        foreach (var item in Member(parent, name, where, JsonValueKind.Array, "an array").EnumerateArray())
        {
            yield return (item, string.Create(CultureInfo.InvariantCulture, $"{Join(where, name)}[{index++}]"));
        }
    }

    public string[] Strings(JsonElement parent, string name, string where)
    {
        var values = new List<string>();
        foreach (var (item, itemWhere) in Items(parent, name, where))
        {
            values.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Invalid(itemWhere, "a string", Describe(item)));
        }

        return values.ToArray();
    }

    /// <summary>A policy in the state file's shape, bound targets included.</summary>
    public PolicyRecord Policy(JsonElement element, string where)
    {
        var policy = new PolicyRecord(
            HexId(element, "policy_id", where),
            String(element, "app_id", where),
            String(element, "policy_name", where),
            Statements(element, where),
            Time(element, "create_time", where));
        policy.UpdateTime = Time(element, "update_time", where);
        var recordIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (target, targetWhere) in Items(element, "targets", where))
        {
            var binding = Binding(target, targetWhere);
            policy.Targets.Add(recordIds.Add(binding.RecordId) ? binding : throw Invalid(Join(targetWhere, "record_id"), "unique in the policy", Echo(binding.RecordId)));
        }

        return policy;
    }

    public StatementRecord[] Statements(JsonElement element, string where)
    {
        var statements = new List<StatementRecord>();
        foreach (var (statement, statementWhere) in Items(element, "statement", where))
        {
            statements.Add(new StatementRecord(
                OneOf(statement, "effect", statementWhere, Effects),
                Strings(statement, "actions", statementWhere),
                Strings(statement, "resources", statementWhere)));
        }

        return statements.ToArray();
    }

    public BindingRecord Binding(JsonElement element, string where) => new(
        HexId(element, "record_id", where),
        OneOf(element, "target_type", where, TargetTypes),
        String(element, "target_id", where));

    public static string Join(string where, string name) => where.Length == 0 ? name : where + "." + name;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Echo(value.GetString()!),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Undefined => "nothing",

        // Numbers, true, false and null: their JSON text says what they are.
        _ => value.GetRawText(),
    };

    private static string Echo(string value) =>
        "'" + (value.Length <= EchoedLength ? value : value.Substring(0, EchoedLength) + "...") + "'";
}
