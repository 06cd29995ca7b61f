using System;
using System.IO;
using System.Linq;
using System.Text;
using IoTDA.Testing;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// docs/generator.md's table of OpenAPI constructs is rendered from the rows below, each naming the baseline scenario
/// whose spec shows the construct (checked against the baselines) and the test class that holds it to what the row
/// says (named with nameof, so a renamed or deleted class breaks the build). Regenerate with <see cref="UpdateCommand"/>.
/// </summary>
public class ConstructTableTests
{
    private const string UpdateCommand =
        "IOTDA_UPDATE_DOCS=1 dotnet test tests/IoTDA.Generator.Tests --filter Construct_table_matches_its_rows";

    private static readonly (string Construct, string Becomes, string Scenario, string Tests)[] Rows =
    {
        ("Swagger 2.0 (`host`, `basePath`, `formData`, `collectionFormat`)", "read as the OpenAPI 3.0 it says", "petstore", nameof(GeneralSpecTests)),
        ("OpenAPI 3.1", "rewritten into 3.0, then read ([OpenAPI 3.1](#openapi-31)); what has no 3.0 form is IOTDA102", "", nameof(OpenApi31Tests)),
        ("`servers[0]` of a general spec", "the client's `static Uri ServerUrl` and default endpoint, path included", "servers", nameof(ServerUrlTests)),
        ("object schema, `allOf`, `additionalProperties`, recursion, string enum", "a sealed class, merged, a map, a self-reference, an extensible enum struct", "edge-cases", nameof(GeneralSpecTests)),
        ("`oneOf`/`anyOf` of object components with a `discriminator`", "an abstract base class, a sealed class per variant, `Base.Unknown` for other kinds", "polymorphism", nameof(PolymorphismTests)),
        ("object component with a `discriminator` that others include through `allOf`", "an abstract base with its members, each includer a sealed class that declares only its own", "polymorphism", nameof(IncludedBaseTests)),
        ("`oneOf`/`anyOf` of several alternatives otherwise", "a sealed union class: made from any alternative (or JSON), read whole, `AsX()` reads it as one or answers null", "unions", nameof(UnionTests)),
        ("component schema no operation reaches (a webhook's payload)", "nothing, one IOTDA119 for the spec; `AllSchemas=\"true\"` generates it", "edge-cases", nameof(UnusedSchemaTests)),
        ("free-form value (`{}`, no `type`)", "`JsonElement`", "edge-cases", nameof(GeneralSpecTests)),
        ("`oneOf`/`anyOf` of one alternative besides null (3.1's nullable reference)", "that alternative, nullable", "nulls", nameof(NullTests)),
        ("`integer` with `enum` (names from `x-enum-varnames`/`x-enumNames`)", "a C# `enum` over `long`, sent as the number", "integer-enums", nameof(IntegerEnumTests)),
        ("`boolean` with `enum` of one value", "`bool`, the other value refused before sending and flagged by IOTDA002; a required one starts as the allowed value", "integer-enums", nameof(IntegerEnumTests)),
        ("`integer`, `number`, `boolean` (a number may arrive as a JSON string)", "`long`/`int`, `double`/`float`, `bool`", "edge-cases", nameof(GeneratedCodeTests)),
        ("string of `format` date-time, date, uuid, uri, byte, int64", "`DateTimeOffset`, `DateOnly` (`DateTime` before .NET 6), `Guid`, `Uri`, `byte[]`, `long` (sent as a JSON string)", "formats", nameof(FormatTests)),
        ("query array in each `style`", "repeated (`explode`) or joined with `,`, space or `\\|`", "query-styles", nameof(QueryStyleTests)),
        ("path parameter with `allowReserved` or `x-multi-segment`", "slashes kept, each segment checked and encoded", "multi-segment", nameof(MultiSegmentTests)),
        ("cookie parameter; an object, `oneOf` or `content` parameter", "the `Cookie` header; a string the caller formats (IOTDA117)", "parameters", nameof(ParameterTests)),
        ("`required` member an answer lacks; `readOnly`, `writeOnly`", "an `IoTDAException` naming it; `readOnly` not asked of requests, `writeOnly` not of answers", "nulls", nameof(RequiredMemberTests)),
        ("`nullable` member; optional array or map", "sent as JSON null once assigned null; sent even empty once assigned (never assigned: left out)", "nulls", nameof(NullTests)),
        ("`securitySchemes`: `apiKey`, `http` bearer or basic, `oauth2`, `openIdConnect`", "`ApiKeyCredentials` where the scheme says, `BearerTokenCredentials`, `BasicCredentials` (others: IOTDA118)", "security", nameof(SecurityTests)),
        ("`multipart/form-data` body", "one parameter per part, `FilePart` for files", "uploads", nameof(GeneratedFormClientTests)),
        ("`application/x-www-form-urlencoded` body", "one parameter per field, sent as `name=value&...` (objects: a string the caller formats, IOTDA117)", "url-encoded", nameof(UrlEncodedTests)),
        ("text, binary and other bodies and answers", "`string`, `Stream` (other media types: IOTDA116)", "raw-bodies", nameof(RawBodyTests)),
        ("Huawei Cloud spec: `project_id`, `x-iotda-batch-*`, `x-iotda-page-*`", "filled from the options; `…InBatchesAsync`; `…AllAsync`", "iotda-device-policies", nameof(GeneratedClientBehaviourTests)),
    };

    [Fact]
    public void Construct_table_matches_its_rows()
    {
        var problem = GeneratedDocs.Check(Path.Combine(Repository.Root(), "docs", "generator.md"), UpdateCommand, new[] { ("constructs", Render()) });
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Every_row_names_a_baseline_scenario_and_every_scenario_has_a_row()
    {
        var named = Rows.Select(row => row.Scenario).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(named.Except(GeneratedCodeTests.Scenarios.Keys));
        Assert.Empty(GeneratedCodeTests.Scenarios.Keys.Except(named));
    }

    private static string Render()
    {
        var table = new StringBuilder("| Construct | Becomes | Baseline | Held by |\n|---|---|---|---|\n");
        foreach (var (construct, becomes, scenario, tests) in Rows)
        {
            var baseline = scenario.Length == 0 ? "a 3.0 twin" : "`Baselines/" + scenario + "`";
            table.Append("| ").Append(construct).Append(" | ").Append(becomes).Append(" | ").Append(baseline).Append(" | `").Append(tests).Append("` |\n");
        }

        return table.ToString();
    }
}
