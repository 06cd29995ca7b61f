using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Testing;

/// <summary>
/// The analyzer config options IoTDA.Sdk.targets produces: each spec's item metadata under
/// <c>build_metadata.AdditionalFiles.*</c> (looked up by path, so a replacement text with the same path keeps them),
/// and the project's build properties as global options.
/// </summary>
public sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions NoOptions = new DictionaryOptions(new Dictionary<string, string>());

    private readonly Dictionary<string, AnalyzerConfigOptions> _specOptions;

    public SpecOptionsProvider(IEnumerable<SpecInput> specs, IReadOnlyDictionary<string, string> globalOptions)
    {
        _specOptions = specs.ToDictionary(spec => spec.Path, ItemMetadata, StringComparer.Ordinal);
        GlobalOptions = new DictionaryOptions(globalOptions.ToDictionary(option => option.Key, option => option.Value));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _specOptions.TryGetValue(textFile.Path, out var options) ? options : NoOptions;

    private static AnalyzerConfigOptions ItemMetadata(SpecInput spec)
    {
        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true" };
        if (spec.Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
        }

        if (spec.ClientName is not null)
        {
            values["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
        }

        if (spec.Tags is not null)
        {
            values["build_metadata.AdditionalFiles.Tags"] = spec.Tags;
        }

        if (spec.AllSchemas)
        {
            values["build_metadata.AdditionalFiles.AllSchemas"] = "true";
        }

        if (spec.CheckRequiredInAnswers is { } check)
        {
            values["build_metadata.AdditionalFiles.CheckRequiredInAnswers"] = check ? "true" : "false";
        }

        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
