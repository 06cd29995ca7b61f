using System;
using System.Linq;
using System.Text.RegularExpressions;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Where a general spec's client sends its requests by default: the document's first server, its variables at their
/// defaults, path included (a Swagger 2.0 document's host and basePath arrive here as that server). A Huawei Cloud
/// spec has none: its endpoint depends on the region, which only the user knows.
/// </summary>
internal static class ServerUrl
{
    private static readonly Regex Variable = new(@"\{(?<name>[^{}]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The URL, absolute or relative to where the spec is served; null when the spec names none it can use.</summary>
    public static ServerModel? From(OpenApiDocument document, bool isHuaweiCloud, DiagnosticSink diagnostics, string fileName)
    {
        var server = document.Servers?.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s?.Url));
        if (isHuaweiCloud || server is null)
        {
            return null;
        }

        var index = document.Servers!.IndexOf(server);
        var missing = Variable.Matches(server.Url).Cast<Match>()
            .Select(match => match.Groups["name"].Value)
            .FirstOrDefault(name => !(server.Variables?.TryGetValue(name, out var variable) == true && !string.IsNullOrEmpty(variable.Default)));
        if (missing is not null)
        {
            diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct, $"#/servers/{index}/url", $"The server URL '{server.Url}' of {fileName}",
                $"its variable '{missing}' has no default, so the client has no default endpoint (set IoTDAClientOptions.Endpoint)");
            return null;
        }

        var url = Variable.Replace(server.Url.Trim(), match => server.Variables[match.Groups["name"].Value].Default);
        // A scheme-relative URL is what a Swagger 2.0 host without schemes reads as: the scheme the spec itself was
        // fetched with, which the generator cannot know; https is what public APIs serve.
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        // A path is tested first: on Unix, "/v2" also reads as an absolute file URI.
        if (url.StartsWith("/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Relative, out _))
        {
            return new ServerModel(url, IsRelative: true);
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.Query.Length == 0 && absolute.Fragment.Length == 0)
        {
            return new ServerModel(url, IsRelative: false);
        }

        diagnostics.Report(
            DiagnosticDescriptors.UnsupportedConstruct, $"#/servers/{index}/url", $"The server URL '{url}' of {fileName}",
            "it is not an http or https URL without a query, nor a path, so the client has no default endpoint (set IoTDAClientOptions.Endpoint)");
        return null;
    }
}
