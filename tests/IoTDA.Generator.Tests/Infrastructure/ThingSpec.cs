namespace IoTDA.Generator.Tests.Infrastructure;

/// <summary>
/// The frame of the specs that test schemas: one operation, <c>getThing</c>, answering the <c>Thing</c> schema; the
/// test writes the schemas (and the operation's parameters) that matter to it.
/// </summary>
internal static class ThingSpec
{
    /// <summary>Everything up to and including <c>components: schemas:</c>; schemas follow, indented by four spaces.</summary>
    /// <param name="parameters">Lines of the operation's <c>parameters</c> list, indented by eight spaces; none by default.</param>
    public static string Header(string title, string parameters = "") =>
        "openapi: 3.0.3\n" +
        "info: {title: " + title + ", version: \"1\"}\n" +
        "paths:\n" +
        "  /things:\n" +
        "    get:\n" +
        "      operationId: getThing\n" +
        (parameters.Length == 0 ? "" : "      parameters:\n" + parameters) +
        "      responses:\n" +
        "        \"200\":\n" +
        "          description: ok\n" +
        "          content:\n" +
        "            application/json:\n" +
        "              schema: {$ref: \"#/components/schemas/Thing\"}\n" +
        "components:\n" +
        "  schemas:\n";
}
