using System;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Every convention the generator follows beyond plain OpenAPI, and what turns it on; <c>docs/generator.md</c> lists
/// them. Nothing here is guessed from a name: a general spec never triggers any of them by accident.
/// </summary>
internal static class Conventions
{
    /// <summary>Sends the body's string array of this name in batches of its <c>maxItems</c> (operation).</summary>
    public const string BatchItems = "x-iotda-batch-items";

    /// <summary>The response's string array of IDs that succeeded (operation, with <see cref="BatchItems"/>).</summary>
    public const string BatchSuccesses = "x-iotda-batch-successes";

    /// <summary>The response's object array of failures (operation, with <see cref="BatchItems"/>).</summary>
    public const string BatchFailures = "x-iotda-batch-failures";

    /// <summary>A failure's member naming the ID it is about.</summary>
    public const string BatchFailureId = "x-iotda-batch-failure-id";

    /// <summary>A failure's member carrying the error code.</summary>
    public const string BatchFailureCode = "x-iotda-batch-failure-code";

    /// <summary>A failure's member carrying the error message.</summary>
    public const string BatchFailureMessage = "x-iotda-batch-failure-message";

    /// <summary>The query parameter or body member that carries the paging marker (operation).</summary>
    public const string PageMarker = "x-iotda-page-marker";

    /// <summary>Where the response carries the next marker, as dotted JSON names (defaults to the marker's name).</summary>
    public const string PageNextMarker = "x-iotda-page-next-marker";

    /// <summary>The response array to enumerate (optional when the response has one array).</summary>
    public const string PageItems = "x-iotda-page-items";

    /// <summary>A parameter or body member sent with the first page only.</summary>
    public const string PageOffset = "x-iotda-page-offset";

    /// <summary>Marks a document as a Huawei Cloud API when its servers do not say so (document, boolean).</summary>
    public const string HuaweiCloud = "x-iotda-huawei-cloud";

    /// <summary>On an enum written in place: the C# name of its type, instead of one derived from the property's.</summary>
    public const string EnumName = "x-iotda-enum-name";

    /// <summary>On a path parameter: its value may span segments, keeping its slashes (as <c>allowReserved</c> says).</summary>
    public const string MultiSegment = "x-multi-segment";

    /// <summary>The path parameter a Huawei Cloud client fills from its options, never from an argument.</summary>
    public const string ProjectIdParameter = "project_id";

    private const string HuaweiCloudHost = ".myhuaweicloud.com";

    /// <summary>
    /// A Huawei Cloud spec: one of its servers is under myhuaweicloud.com (as Huawei's own references are), or it says
    /// so with <see cref="HuaweiCloud"/>. Only such a spec fills <c>project_id</c> from the client's options.
    /// </summary>
    public static bool IsHuaweiCloud(OpenApiDocument document)
    {
        if (document.Extensions.TryGetValue(HuaweiCloud, out var flag))
        {
            return flag is OpenApiBoolean { Value: true };
        }

        return document.Servers.Any(server =>
            Uri.TryCreate(server?.Url, UriKind.Absolute, out var url) &&
            ("." + url.Host).EndsWith(HuaweiCloudHost, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An extension's text, trimmed; null when absent, blank or not a string.</summary>
    public static string? Text(IOpenApiExtensible element, string name) =>
        element.Extensions.TryGetValue(name, out var value) && value is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value)
            ? text.Value.Trim()
            : null;
}
