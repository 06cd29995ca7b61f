using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Json;

/// <summary>
/// Which members of a policy one of its JSON forms carries, and how. The service's answers and the state file
/// name the same members, but each form is fixed by what already reads it (clients' recorded answers, state files
/// on disk), so member order and time format stay as each form has always had them.
/// </summary>
internal sealed class PolicyJsonShape
{
    /// <summary>Create, show and update: the policy with its statements, times in the service's compact UTC form.</summary>
    public static readonly PolicyJsonShape Answer = new(policyIdFirst: false, JsonOutput.AnswerTime, statements: true, targets: false);

    /// <summary>A list's entry: no statements.</summary>
    public static readonly PolicyJsonShape Summary = new(policyIdFirst: false, JsonOutput.AnswerTime, statements: false, targets: false);

    /// <summary>The state file: everything, bound targets included, with round-trip ISO 8601 times.</summary>
    public static readonly PolicyJsonShape StateFile = new(policyIdFirst: true, JsonOutput.StateFileTime, statements: true, targets: true);

    private PolicyJsonShape(bool policyIdFirst, Func<DateTimeOffset, string> formatTime, bool statements, bool targets)
    {
        PolicyIdFirst = policyIdFirst;
        FormatTime = formatTime;
        Statements = statements;
        Targets = targets;
    }

    public bool PolicyIdFirst { get; }

    public Func<DateTimeOffset, string> FormatTime { get; }

    public bool Statements { get; }

    public bool Targets { get; }
}

/// <summary>The one writer of a policy as JSON, for the HTTP answers and the state file alike.</summary>
internal static class PolicyJson
{
    public static void Write(Utf8JsonWriter writer, PolicyRecord policy, PolicyJsonShape shape)
    {
        writer.WriteStartObject();
        if (shape.PolicyIdFirst)
        {
            writer.WriteString("policy_id", policy.PolicyId);
            writer.WriteString("app_id", policy.AppId);
        }
        else
        {
            writer.WriteString("app_id", policy.AppId);
            writer.WriteString("policy_id", policy.PolicyId);
        }

        writer.WriteString("policy_name", policy.Name);
        writer.WriteString("create_time", shape.FormatTime(policy.CreateTime));
        writer.WriteString("update_time", shape.FormatTime(policy.UpdateTime));
        if (shape.Statements)
        {
            WriteStatements(writer, policy.Statements);
        }

        if (shape.Targets)
        {
            WriteTargets(writer, "targets", policy.Targets);
        }

        writer.WriteEndObject();
    }

    /// <summary>A policy's <c>statement</c> member, in every shape that has one and in the state journal.</summary>
    public static void WriteStatements(Utf8JsonWriter writer, IReadOnlyList<StatementRecord> statements) =>
        JsonOutput.WriteObjects(writer, "statement", statements, static (writer, statement) =>
        {
            writer.WriteString("effect", statement.Effect);
            JsonOutput.WriteStrings(writer, "actions", statement.Actions);
            JsonOutput.WriteStrings(writer, "resources", statement.Resources);
        });

    /// <summary>Bound targets with their record IDs, as the state file and its journal hold them.</summary>
    public static void WriteTargets(Utf8JsonWriter writer, string name, IReadOnlyList<BindingRecord> targets) =>
        JsonOutput.WriteObjects(writer, name, targets, static (writer, target) =>
        {
            writer.WriteString("record_id", target.RecordId);
            writer.WriteString("target_type", target.TargetType);
            writer.WriteString("target_id", target.TargetId);
        });
}
