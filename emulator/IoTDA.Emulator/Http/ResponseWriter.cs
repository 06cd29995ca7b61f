using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTDA.Emulator.Json;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Http;

/// <summary>The service's response bodies, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ResponseWriter
{
    public static void WritePolicy(Utf8JsonWriter writer, PolicyRecord policy) => PolicyJson.Write(writer, policy, PolicyJsonShape.Answer);

    public static void WritePolicyPage(Utf8JsonWriter writer, Page<PolicyRecord> page) =>
        WritePage(writer, "policies", page, static (writer, policy) => PolicyJson.Write(writer, policy, PolicyJsonShape.Summary));

    public static void WriteProduct(Utf8JsonWriter writer, ProductRecord product) => ProductJson.Write(writer, product, ResourceForm.Answer);

    public static void WriteProductPage(Utf8JsonWriter writer, Page<ProductRecord> page) =>
        WritePage(writer, "products", page, static (writer, product) => ProductJson.Write(writer, product, ResourceForm.Summary));

    public static void WriteDevice(Utf8JsonWriter writer, DeviceRecord device, string? productName) =>
        DeviceJson.Write(writer, device, productName, ResourceForm.Answer);

    /// <param name="writer">Where to write.</param>
    /// <param name="page">The devices.</param>
    /// <param name="productNames">The name of each product on the page, by product ID.</param>
    public static void WriteDevicePage(Utf8JsonWriter writer, Page<DeviceRecord> page, IReadOnlyDictionary<string, string> productNames) =>
        WritePage(writer, "devices", page, (writer, device) => DeviceJson.Write(writer, device, productNames.GetValueOrDefault(device.ProductId), ResourceForm.Summary));

    public static void WriteTargetPage(Utf8JsonWriter writer, Page<BindingRecord> page) =>
        WritePage(writer, "targets", page, static (writer, target) =>
        {
            writer.WriteStartObject();
            writer.WriteString("target_type", target.TargetType);
            writer.WriteString("target_id", target.TargetId);
            writer.WriteEndObject();
        });

    public static void WriteBindOutcome(Utf8JsonWriter writer, BindOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WriteString("policy_id", outcome.PolicyId);
        writer.WriteString("target_type", outcome.TargetType);
        JsonOutput.WriteStrings(writer, "success_targets", outcome.Succeeded);
        JsonOutput.WriteObjects(writer, "failure_targets", outcome.Failed, static (writer, failure) =>
        {
            writer.WriteString("target_id", failure.TargetId);
            writer.WriteString("error_code", failure.Code);
            writer.WriteString("error_msg", failure.Message);
        });
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

    /// <summary>A list's answer: the page's items under <paramref name="name"/>, then <c>page</c> with the count and the marker.</summary>
    private static void WritePage<T>(Utf8JsonWriter writer, string name, Page<T> page, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        foreach (var item in page.Items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("page");
        writer.WriteNumber("count", page.Count);
        if (page.Marker is not null)
        {
            writer.WriteString("marker", page.Marker);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
