using System.Text.Json;
using IoTDA.Emulator.State;

namespace IoTDA.Emulator.Json;

/// <summary>
/// The one writer of a product as JSON, for the answers (members named and ordered as the service's
/// <c>ShowProductResponse</c> and <c>ProductSummary</c>) and the state file alike. Resource spaces are not emulated,
/// so <c>app_name</c> is left out.
/// </summary>
internal static class ProductJson
{
    public static void Write(Utf8JsonWriter writer, ProductRecord product, ResourceForm form)
    {
        var (stateFile, capabilities) = form switch
        {
            ResourceForm.Answer => (false, true),
            ResourceForm.Summary => (false, false),
            ResourceForm.StateFile => (true, true),
        };
        writer.WriteStartObject();
        if (stateFile)
        {
            writer.WriteString("record_id", product.RecordId);
        }

        writer.WriteString("app_id", product.AppId);
        writer.WriteString("product_id", product.ProductId);
        writer.WriteString("name", product.Name);
        writer.WriteString("device_type", product.DeviceType);
        writer.WriteString("protocol_type", product.ProtocolType);
        writer.WriteString("data_format", product.DataFormat);
        JsonOutput.WriteOptional(writer, "manufacturer_name", product.ManufacturerName);
        JsonOutput.WriteOptional(writer, "industry", product.Industry);
        JsonOutput.WriteOptional(writer, "description", product.Description);
        if (capabilities)
        {
            JsonOutput.WriteKept(writer, "service_capabilities", product.ServiceCapabilities);
        }

        writer.WriteString("create_time", stateFile ? JsonOutput.StateFileTime(product.CreateTime) : JsonOutput.AnswerTime(product.CreateTime));
        writer.WriteEndObject();
    }
}
