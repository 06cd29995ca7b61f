using System.Globalization;
using System.Text;

namespace IoTDA.Generator.Benchmarks;

/// <summary>
/// An OpenAPI 3.0 spec of any number of operations, each shaped like the bundled spec's: a path parameter, a
/// constrained query parameter, an optional header, a request body and a response of its own component schema
/// (string with length and pattern, an inline enum shared by all schemas, an array with <c>maxItems</c>, a map, a
/// nested reference) and a shared error response. Cost should grow linearly with <c>operations</c>.
/// </summary>
public static class SyntheticSpec
{
    public const string Namespace = "Synthetic";
    public const string ClientName = "SyntheticClient";

    /// <summary>The spec; <paramref name="title"/> lets a benchmark change its meaning (the title reaches the XML docs).</summary>
    public static string Build(int operations, string title = "Synthetic API")
    {
        var spec = new StringBuilder(operations * 1400 + 1024);
        spec.Append("openapi: 3.0.3\n");
        spec.Append("info:\n  title: ").Append(title).Append("\n  description: A generated spec for benchmarks.\n  version: \"1.0\"\n");
        spec.Append("paths:\n");
        for (var i = 0; i < operations; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            spec.Append("  /v1/resources").Append(n).Append("/{resource_id}:\n");
            spec.Append("    post:\n");
            spec.Append("      operationId: UpdateResource").Append(n).Append('\n');
            spec.Append("      summary: Updates resource ").Append(n).Append(".\n");
            spec.Append("      description: Replaces the settings of resource ").Append(n).Append(" and returns them.\n");
            spec.Append("      parameters:\n");
            spec.Append("        - {name: resource_id, in: path, required: true, description: The resource ID., schema: {type: string, minLength: 1, maxLength: 64}}\n");
            spec.Append("        - {name: limit, in: query, description: How many to return., schema: {type: integer, format: int32, minimum: 1, maximum: 50, default: 10}}\n");
            spec.Append("        - {name: Instance-Id, in: header, description: The instance., schema: {type: string, maxLength: 36}}\n");
            spec.Append("      requestBody:\n");
            spec.Append("        required: true\n");
            spec.Append("        content:\n");
            spec.Append("          application/json:\n");
            spec.Append("            schema: {$ref: \"#/components/schemas/Resource").Append(n).Append("\"}\n");
            spec.Append("      responses:\n");
            spec.Append("        \"200\":\n");
            spec.Append("          description: The resource.\n");
            spec.Append("          content:\n");
            spec.Append("            application/json:\n");
            spec.Append("              schema: {$ref: \"#/components/schemas/Resource").Append(n).Append("\"}\n");
            spec.Append("        \"400\":\n");
            spec.Append("          description: The request is invalid.\n");
            spec.Append("          content:\n");
            spec.Append("            application/json:\n");
            spec.Append("              schema: {$ref: \"#/components/schemas/ErrorResponse\"}\n");
        }

        spec.Append("components:\n  schemas:\n");
        spec.Append("    ErrorResponse:\n      type: object\n      properties:\n");
        spec.Append("        error_code: {type: string, description: The error code.}\n");
        spec.Append("        error_msg: {type: string, description: The error message.}\n");
        spec.Append("    Page:\n      type: object\n      properties:\n");
        spec.Append("        count: {type: integer, format: int64, description: How many there are.}\n");
        spec.Append("        marker: {type: string, maxLength: 24, description: Where the next page starts.}\n");
        for (var i = 0; i < operations; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            spec.Append("    Resource").Append(n).Append(":\n");
            spec.Append("      type: object\n");
            spec.Append("      description: Resource ").Append(n).Append(".\n");
            spec.Append("      required: [name, kind]\n");
            spec.Append("      properties:\n");
            spec.Append("        name: {type: string, minLength: 1, maxLength: 128, pattern: \"^[A-Za-z0-9_]+$\", description: The name.}\n");
            spec.Append("        kind: {type: string, enum: [device, product, app], description: What it applies to.}\n");
            spec.Append("        target_ids: {type: array, maxItems: 20, items: {type: string, maxLength: 64}, description: The targets.}\n");
            spec.Append("        count: {type: integer, format: int32, minimum: 0, maximum: 1000, description: How many.}\n");
            spec.Append("        enabled: {type: boolean, description: Whether it is on.}\n");
            spec.Append("        tags: {type: object, additionalProperties: {type: string}, description: Free-form tags.}\n");
            spec.Append("        page: {$ref: \"#/components/schemas/Page\"}\n");
        }

        return spec.ToString();
    }

    /// <summary>The last operation's method, to check that all of them were generated.</summary>
    public static string LastMethod(int operations) =>
        "UpdateResource" + (operations - 1).ToString(CultureInfo.InvariantCulture) + "Async";
}
