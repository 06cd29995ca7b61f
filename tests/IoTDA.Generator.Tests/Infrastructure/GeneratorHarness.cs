using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IoTDA.Generator.Tests.Infrastructure;

/// <summary>
/// The generator tests' defaults over the shared in-memory driver (<see cref="InMemoryGenerator"/>): C# 8 with
/// documentation diagnostics, step tracking on, and a consumer compilation against an in-memory IoTDA.Runtime.
/// </summary>
public static class GeneratorHarness
{
    public const string BundledSpecPath = "/repo/spec/iotda.openapi.yaml";

    public static readonly CSharpParseOptions CSharp8 = new(LanguageVersion.CSharp8, DocumentationMode.Diagnose);

    private static readonly Lazy<MetadataReference> RuntimeReference = new(BuildRuntime);

    public static string BundledSpecText { get; } = ReadResource("spec/iotda.openapi.yaml");

    /// <summary>The bundled spec's device-policy group: what most tests exercise, at the cost of eight operations.</summary>
    public static SpecInput BundledSpec => SpecInput.Bundled(BundledSpecPath, BundledSpecText, "DevicePolicies");

    /// <summary>The bundled spec as a consumer that selects nothing gets it: every group.</summary>
    public static SpecInput WholeBundledSpec => SpecInput.Bundled(BundledSpecPath, BundledSpecText);

    /// <summary>The edge-case spec of <c>Specs/</c>, into namespace Edge; the client is named after the file.</summary>
    public static SpecInput EdgeCasesSpec => new("/specs/edge-cases.openapi.yaml", ReadResource("specs/edge-cases.openapi.yaml"), "Edge");

    /// <summary>The multipart-form spec of <c>Specs/</c>, into namespace Uploads, as the test project also generates it.</summary>
    public static SpecInput UploadsSpec => new("/specs/uploads.openapi.yaml", ReadResource("specs/uploads.openapi.yaml"), "Uploads", "UploadsClient");

    /// <summary>Strings of the formats generated code types: date-time, uuid, uri, byte.</summary>
    public static SpecInput FormatsSpec => new("/specs/formats.openapi.yaml", ReadResource("specs/formats.openapi.yaml"), "Formats", "FormatsClient");

    /// <summary>One query list in each of OpenAPI's array styles.</summary>
    public static SpecInput QueryStylesSpec => new("/specs/query-styles.openapi.yaml", ReadResource("specs/query-styles.openapi.yaml"), "QueryStyles", "QueryStylesClient");

    /// <summary>Path parameters that may hold slashes.</summary>
    public static SpecInput MultiSegmentSpec => new("/specs/multi-segment.openapi.yaml", ReadResource("specs/multi-segment.openapi.yaml"), "MultiSegment", "MultiSegmentClient");

    /// <summary>Bodies and answers that are neither JSON nor a form.</summary>
    public static SpecInput RawBodiesSpec => new("/specs/raw-bodies.openapi.yaml", ReadResource("specs/raw-bodies.openapi.yaml"), "RawBodies", "RawBodiesClient");

    /// <summary>Members a caller clears with null or an empty array.</summary>
    public static SpecInput NullsSpec => new("/specs/nulls.openapi.yaml", ReadResource("specs/nulls.openapi.yaml"), "Nulls", "NullsClient");

    /// <summary>Security schemes beside Huawei's: API keys, bearer tokens, basic authentication.</summary>
    public static SpecInput SecuritySpec => new("/specs/security.openapi.yaml", ReadResource("specs/security.openapi.yaml"), "Security", "SecurityClient");

    /// <summary>A oneOf with a discriminator: a base class and its variants.</summary>
    public static SpecInput PolymorphismSpec => new("/specs/polymorphism.openapi.yaml", ReadResource("specs/polymorphism.openapi.yaml"), "Polymorphism", "PolymorphismClient");

    /// <summary>A body sent as application/x-www-form-urlencoded.</summary>
    public static SpecInput UrlEncodedSpec => new("/specs/url-encoded.openapi.yaml", ReadResource("specs/url-encoded.openapi.yaml"), "UrlEncoded", "UrlEncodedClient");

    /// <summary>Integer schemas with enum values.</summary>
    public static SpecInput IntegerEnumsSpec => new("/specs/integer-enums.openapi.yaml", ReadResource("specs/integer-enums.openapi.yaml"), "IntegerEnums", "IntegerEnumsClient");

    public static SpecInput UnionsSpec => new("/specs/unions.openapi.yaml", ReadResource("specs/unions.openapi.yaml"), "Unions", "UnionsClient");

    /// <summary>Cookies, and parameters whose values the caller formats.</summary>
    public static SpecInput ParametersSpec => new("/specs/parameters.openapi.yaml", ReadResource("specs/parameters.openapi.yaml"), "Parameters", "ParametersClient");

    /// <summary>A general spec whose first server has a variable and a base path.</summary>
    public static SpecInput ServersSpec => new("/specs/servers.openapi.yaml", ReadResource("specs/servers.openapi.yaml"), "Servers", "ServersClient");

    /// <summary>The Swagger 2.0 spec of <c>Specs/</c>, into namespace Petstore; the client is named after the file.</summary>
    public static SpecInput PetstoreSpec => new("/specs/petstore.swagger.json", ReadResource("specs/petstore.swagger.json"), "Petstore");

    public static IReadOnlyList<MetadataReference> References { get; } =
        Net80.References.All.Cast<MetadataReference>().Append(RuntimeReference.Value).ToArray();

    public static CSharpGeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        InMemoryGenerator.CreateDriver(specs, parseOptions ?? CSharp8, globalOptions, trackSteps: true);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, CSharp8)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>Runs the generator once; returns the run and the compilation that includes the generated trees.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Run(params SpecInput[] specs) => Run(specs, null);

    public static (GeneratorDriverRunResult Run, Compilation Output) Run(SpecInput[] specs, IReadOnlyDictionary<string, string>? globalOptions) =>
        InMemoryGenerator.Run(
            specs,
            CreateCompilation("namespace Consumer { /// <summary>Consumer code.</summary>\n public static class Marker { } }"),
            CSharp8,
            globalOptions,
            trackSteps: true);

    /// <summary>Compiler errors and warnings (hidden and info excluded) in the compilation, generated trees included.</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();

    public static string ReadResource(string name)
    {
        using var stream = typeof(GeneratorHarness).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The runtime's net8.0 build (what this net10.0 test project copies), matching the .NET 8 reference assemblies.</summary>
    private static MetadataReference BuildRuntime() =>
        MetadataReference.CreateFromFile(typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location);
}
