using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTDA.Emulator.State;
using IoTDA.Runtime;

namespace IoTDA.Emulator.Http;

/// <summary>The service's response bodies, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ResponseWriter
{
    public static void WritePolicy(Utf8JsonWriter writer, PolicyRecord policy)
    {
        writer.WriteStartObject();
        WritePolicyMembers(writer, policy);
        writer.WriteStartArray("statement");
        foreach (var statement in policy.Statements)
        {
            writer.WriteStartObject();
            writer.WriteString("effect", statement.Effect);
            WriteStrings(writer, "actions", statement.Actions);
            WriteStrings(writer, "resources", statement.Resources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WritePolicyPage(Utf8JsonWriter writer, Page<PolicyRecord> page)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("policies");
        foreach (var policy in page.Items)
        {
            writer.WriteStartObject();
            WritePolicyMembers(writer, policy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePage(writer, page.Count, page.Marker);
        writer.WriteEndObject();
    }

    public static void WriteTargetPage(Utf8JsonWriter writer, Page<BindingRecord> page)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("targets");
        foreach (var target in page.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("target_type", target.TargetType);
            writer.WriteString("target_id", target.TargetId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePage(writer, page.Count, page.Marker);
        writer.WriteEndObject();
    }

    public static void WriteBindOutcome(Utf8JsonWriter writer, BindOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WriteString("policy_id", outcome.PolicyId);
        writer.WriteString("target_type", outcome.TargetType);
        WriteStrings(writer, "success_targets", outcome.Succeeded);
        writer.WriteStartArray("failure_targets");
        foreach (var failure in outcome.Failed)
        {
            writer.WriteStartObject();
            writer.WriteString("target_id", failure.TargetId);
            writer.WriteString("error_code", failure.Code);
            writer.WriteString("error_msg", failure.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, string errorCode, string message, string? requestId)
    {
        writer.WriteStartObject();
        writer.WriteString("error_code", errorCode);
        writer.WriteString("error_msg", message);
        if (requestId is not null)
        {
            writer.WriteString("request_id", requestId);
        }

        writer.WriteEndObject();
    }

    private static void WritePolicyMembers(Utf8JsonWriter writer, PolicyRecord policy)
    {
        writer.WriteString("app_id", policy.AppId);
        writer.WriteString("policy_id", policy.PolicyId);
        writer.WriteString("policy_name", policy.Name);
        writer.WriteString("create_time", AkSkSigner.FormatSdkDate(policy.CreateTime));
        writer.WriteString("update_time", AkSkSigner.FormatSdkDate(policy.UpdateTime));
    }

    private static void WritePage(Utf8JsonWriter writer, long count, string? marker)
    {
        writer.WriteStartObject("page");
        writer.WriteNumber("count", count);
        if (marker is not null)
        {
            writer.WriteString("marker", marker);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
