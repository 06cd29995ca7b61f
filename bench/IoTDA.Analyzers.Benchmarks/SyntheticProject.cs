using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace IoTDA.Analyzers.Benchmarks;

/// <summary>
/// A consumer project of the client the real generator makes from the bundled spec, with <see cref="CallSites"/>
/// calls into it spread over files of 100 calls (10 methods of 10). The calls mix constrained and unconstrained
/// arguments, literals and values the compiler cannot know; <c>brokenCalls</c> of them, evenly spread, break a rule
/// (IOTDA001, 002, 003, 004 and 006 in turn), so the analyzers report exactly <see cref="ExpectedDiagnostics"/>. Parsed and generated once;
/// <see cref="CreateCompilation"/> gives a fresh compilation over the same trees, so nothing bound is shared.
/// </summary>
public sealed class SyntheticProject
{
    public const int CallsPerMethod = 10;
    public const int MethodsPerFile = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;

    private SyntheticProject(int callSites, ImmutableArray<SyntaxTree> generated, ImmutableArray<SyntaxTree> user, ImmutableArray<MetadataReference> references, ImmutableDictionary<string, int> expected)
    {
        CallSites = callSites;
        GeneratedTrees = generated;
        UserTrees = user;
        _trees = generated.AddRange(user);
        _references = references;
        ExpectedDiagnostics = expected;
    }

    public int CallSites { get; }

    public ImmutableArray<SyntaxTree> GeneratedTrees { get; }

    public ImmutableArray<SyntaxTree> UserTrees { get; }

    /// <summary>How many diagnostics of each ID the analyzers must report, one per breaking call.</summary>
    public ImmutableDictionary<string, int> ExpectedDiagnostics { get; }

    public static SyntheticProject Create(int callSites, int brokenCalls)
    {
        var perFile = CallsPerMethod * MethodsPerFile;
        if (callSites <= 0 || callSites % perFile != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(callSites), callSites, "A multiple of " + perFile + ".");
        }

        if (brokenCalls < 0 || brokenCalls > callSites || (brokenCalls > 0 && callSites % brokenCalls != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(brokenCalls), brokenCalls, "0, or a divisor of " + callSites + ".");
        }

        var brokenEvery = brokenCalls == 0 ? 0 : callSites / brokenCalls;

        var references = Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(IoTDA.Runtime.IoTDAClientCore).Assembly.Location))
            .ToImmutableArray();
        var generated = Generate(references);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var user = ImmutableArray.CreateBuilder<SyntaxTree>();
        for (var file = 0; file < callSites / perFile; file++)
        {
            var source = WriteFile(file, brokenEvery, expected);
            user.Add(CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), ParseOptions, "/consumer/Calls" + file.ToString("D3", CultureInfo.InvariantCulture) + ".cs"));
        }

        return new SyntheticProject(callSites, generated, user.ToImmutable(), references, expected.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Writes every tree, generated and user, to <paramref name="directory"/>; returns the file paths.</summary>
    public IReadOnlyList<string> WriteSources(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var tree in _trees)
        {
            var path = Path.Combine(directory, paths.Count.ToString("D4", CultureInfo.InvariantCulture) + "_" + Path.GetFileName(tree.FilePath));
            File.WriteAllText(path, tree.GetText().ToString(), Encoding.UTF8);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>A new compilation over the parsed trees: nothing bound by an earlier one is reused.</summary>
    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create("Consumer", _trees, _references, CompilationOptions);

    private static ImmutableArray<SyntaxTree> Generate(ImmutableArray<MetadataReference> references)
    {
        var (run, _) = InMemoryGenerator.Run(
            new[] { SpecInput.Bundled("/consumer/spec/iotda.openapi.yaml", ReadSpec()) },
            CSharpCompilation.Create("Consumer", null, references, CompilationOptions),
            ParseOptions);
        if (run.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning) || run.GeneratedTrees.IsEmpty)
        {
            throw new InvalidOperationException("The generator did not produce the client cleanly: " + string.Join(Environment.NewLine, run.Diagnostics));
        }

        return run.GeneratedTrees;
    }

    private static string ReadSpec()
    {
        using var stream = typeof(SyntheticProject).Assembly.GetManifestResourceStream("spec/iotda.openapi.yaml")
                           ?? throw new InvalidOperationException("The bundled spec is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string WriteFile(int file, int brokenEvery, Dictionary<string, int> expected)
    {
        var code = new StringBuilder();
        code.Append("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using IoTDA;

            namespace Consumer;

            """);
        code.Append("public sealed class Calls").Append(file.ToString("D3", CultureInfo.InvariantCulture)).AppendLine();
        code.AppendLine("{");
        code.AppendLine("    private const string Id = \"0123456789abcdef01234567\";");
        code.AppendLine("    private const string Kind = \"product\";");
        for (var method = 0; method < MethodsPerFile; method++)
        {
            code.AppendLine();
            code.Append("    public async Task Run").Append(method).AppendLine("(IIoTDAClient client, string[] ids, string kind, int count, string text, bool flag, CancellationToken ct)");
            code.AppendLine("    {");
            for (var call = 0; call < CallsPerMethod; call++)
            {
                var index = ((file * MethodsPerFile) + method) * CallsPerMethod + call;
                code.Append("        ").AppendLine(CallSite(index, call, brokenEvery, expected));
            }

            code.AppendLine("    }");
        }

        code.AppendLine("}");
        return code.ToString();
    }

    /// <summary>
    /// One call into the client; every <paramref name="brokenEvery"/>th (none when 0) breaks one rule, the others are
    /// fine or unknown to the compiler.
    /// </summary>
    private static string CallSite(int index, int call, int brokenEvery, Dictionary<string, int> expected)
    {
        if (brokenEvery > 0 && index % brokenEvery == brokenEvery - 1)
        {
            var (id, statement) = ((index / brokenEvery) % 5) switch
            {
                0 => ("IOTDA001", $"await client.UnbindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetType = TargetType.Device, TargetIds = [{Ids(21)}] }}, cancellationToken: ct);"),
                1 => ("IOTDA002", "await client.BindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody { TargetType = \"devices\", TargetIds = ids }, cancellationToken: ct);"),
                2 => ("IOTDA003", "await client.CreateDevicePolicyAsync(new CreateDevicePolicyRequestBody { PolicyName = \"empty_rule\", Statement = [new DevicePolicyStatement { Effect = Effect.Allow, Actions = [\"iotda:devices:publish\"], Resources = [] }] }, cancellationToken: ct);"),
                3 => ("IOTDA004", "await client.ListDevicePoliciesAsync(limit: 100, offset: count, cancellationToken: ct);"),
                _ => ("IOTDA006", "await client.DeleteDevicePolicyAsync(\"not-hex\", cancellationToken: ct);"),
            };
            expected[id] = expected.TryGetValue(id, out var seen) ? seen + 1 : 1;
            return statement;
        }

        var n = index.ToString(CultureInfo.InvariantCulture);
        return (index % 10) switch
        {
            0 => $"await client.UnbindDevicePolicyAsync(Id, new DevicePolicyTargetsRequestBody {{ TargetType = \"device\", TargetIds = [{Ids(1 + (index / 10 % 20))}] }}, cancellationToken: ct);",
            1 => "await client.BindDevicePolicyAsync(policyId: text, body: new() { TargetType = TargetType.Product, TargetIds = ids }, instanceId: \"instance-1\", cancellationToken: ct);",
            2 => $"await client.ListDevicePoliciesAsync(appId: \"app_{n}\", limit: {1 + (index / 10 % 50)}, offset: count, policyName: text, cancellationToken: ct);",
            3 => "await client.ShowTargetsInDevicePolicyAsync(Id, new ShowTargetsInDevicePolicyRequestBody { TargetType = flag ? \"device\" : \"app\", Limit = count, Marker = \"ffffffffffffffffffffffff\" }, cancellationToken: ct);",
            4 => "await client.DeleteDevicePolicyAsync(\"5c90fa7d3c4e4405e8525079\", instanceId: kind, cancellationToken: ct);",
            5 => $"await client.CreateDevicePolicyAsync(new CreateDevicePolicyRequestBody {{ PolicyName = \"policy_{n}\", AppId = text, Statement = [new DevicePolicyStatement {{ Effect = Effect.Allow, Actions = [\"iotda:devices:publish\"], Resources = [\"topic:/v1/{n}\", text] }}] }}, cancellationToken: ct);",
            6 => "await client.BindDevicePolicyInBatchesAsync(Id, TargetType.Device, ids, cancellationToken: ct);",
            7 => "await client.ShowDevicePolicyAsync(text, cancellationToken: ct);",
            8 => $"await client.UpdateDevicePolicyAsync(Id, new UpdateDevicePolicyRequestBody {{ PolicyName = flag ? text : \"renamed_{n}\" }}, cancellationToken: ct);",
            _ => $"var body{call} = new DevicePolicyTargetsRequestBody {{ TargetType = Kind, TargetIds = new List<string> {{ \"a\", \"b\", text }} }}; await client.UnbindDevicePolicyAsync(Id, body{call}, cancellationToken: ct);",
        };
    }

    private static string Ids(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => "\"d" + i.ToString(CultureInfo.InvariantCulture) + "\""));
}
