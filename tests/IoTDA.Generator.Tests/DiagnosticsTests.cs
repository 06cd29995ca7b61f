using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>Each spec problem becomes an IOTDA1xx diagnostic at the right line of the spec, never a crash.</summary>
public class DiagnosticsTests
{
    private const string Path = "/specs/pets.yaml";

    private static (Diagnostic[] Diagnostics, Compilation Output, int Sources) Run(string yaml)
    {
        var (run, output) = GeneratorHarness.Run(new SpecInput(Path, yaml.Replace("\r\n", "\n"), "Pets", "PetsClient"));
        Assert.DoesNotContain(GeneratorHarness.CompileProblems(output), d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "IOTDA199");
        return (run.Diagnostics.ToArray(), output, run.GeneratedTrees.Length);
    }

    private static Diagnostic Single(Diagnostic[] diagnostics, string id, int line)
    {
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri);
        return diagnostic;
    }

    private static string Spec(string paths, string schemas = "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n") =>
        "openapi: 3.0.3\ninfo: {title: Pets, version: \"1\"}\npaths:\n" + paths + "components:\n  schemas:\n" + schemas;

    private const string ListPets = """
          /pets:
            get:
              operationId: listPets
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: "#/components/schemas/Pet"}

        """;

    [Fact]
    public void A_spec_that_does_not_parse_is_IOTDA100_at_its_line_and_generates_nothing()
    {
        var (diagnostics, _, sources) = Run("openapi: 3.0.3\ninfo: {title: Pets, version: \"1\"}\npaths:\n  /pets: [unclosed\n  bad: : :\n");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "IOTDA100");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("did not find expected ',' or ']'", diagnostic.GetMessage());
        Assert.Equal(0, sources);
    }

    [Fact]
    public void An_unsupported_construct_is_IOTDA102_and_the_rest_is_still_generated()
    {
        var upload = """
              /upload:
                post:
                  operationId: upload
                  parameters:
                    - {name: q, in: query, schema: {type: string, pattern: "(unclosed"}}
                  responses:
                    "204": {description: done}

            """;
        var (diagnostics, output, _) = Run(Spec(ListPets + upload));

        Assert.Contains("not a valid regular expression", Single(diagnostics, "IOTDA102", 19).GetMessage());
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Pets.PetsClient")!.GetMembers("UploadAsync").Single();
        Assert.Equal(new[] { "q", "cancellationToken" }, method.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void An_external_reference_is_IOTDA103_and_kept_as_raw_JSON()
    {
        var schemas = "    Pet:\n      type: object\n      properties:\n        owner: {$ref: \"other.yaml#/components/schemas/Owner\"}\n";
        var (diagnostics, output, _) = Run(Spec(ListPets, schemas));

        Assert.Contains("other.yaml", Single(diagnostics, "IOTDA103", 20).GetMessage());
        var owner = (IPropertySymbol)output.GetTypeByMetadataName("Pets.Pet")!.GetMembers("Owner").Single();
        Assert.Equal("System.Text.Json.JsonElement?", owner.Type.ToDisplayString());
    }

    [Fact]
    public void A_missing_operationId_is_IOTDA104_and_the_method_is_named_after_method_and_path()
    {
        var (diagnostics, output, _) = Run(Spec(ListPets.Replace("      operationId: listPets\n", "")));

        Assert.Contains("GetPetsAsync", Single(diagnostics, "IOTDA104", 5).GetMessage());
        Assert.NotEmpty(output.GetTypeByMetadataName("Pets.PetsClient")!.GetMembers("GetPetsAsync"));
    }

    [Fact]
    public void A_duplicate_operationId_is_IOTDA105_and_the_second_method_gets_a_suffix()
    {
        var second = ListPets.Replace("/pets:", "/cats:").Replace("get:", "get:");
        var (diagnostics, output, _) = Run(Spec(ListPets + second));

        Assert.Contains("ListPets2Async", Single(diagnostics, "IOTDA105", 17).GetMessage());
        Assert.NotEmpty(output.GetTypeByMetadataName("Pets.PetsClient")!.GetMembers("ListPets2Async"));
    }

    [Fact]
    public void A_sign_before_a_digit_is_a_word_so_plus_one_and_minus_one_need_no_IOTDA106()
    {
        var schemas = "    Pet:\n      type: object\n      properties:\n        \"+1\": {type: integer}\n        \"-1\": {type: integer}\n" +
                      "        reaction: {type: string, enum: [\"+1\", \"-1\", laugh]}\n";
        var (diagnostics, output, _) = Run(Spec(ListPets, schemas));

        Assert.DoesNotContain(diagnostics, d => d.Id == "IOTDA106");
        Assert.Equal(new[] { "Plus1", "Minus1", "Reaction" }, output.GetTypeByMetadataName("Pets.Pet")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.NotEmpty(output.GetTypeByMetadataName("Pets.Reaction")!.GetMembers("Minus1"));
    }

    [Fact]
    public void Names_that_collide_after_PascalCase_are_IOTDA106()
    {
        var schemas = "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n        twin: {$ref: \"#/components/schemas/pet\"}\n    pet:\n      type: object\n      properties:\n        age: {type: integer}\n";
        var (diagnostics, output, _) = Run(Spec(ListPets, schemas));

        Assert.Contains("'Pet2'", Single(diagnostics, "IOTDA106", 22).GetMessage());
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Pet2"));
    }

    [Fact]
    public void Enum_values_that_are_not_identifiers_are_IOTDA107_with_the_member_names_used()
    {
        var schemas = "    Pet:\n      type: object\n      properties:\n        kind:\n          type: string\n          enum: [\"1\", \"a-b\", \"\", plain]\n";
        var (diagnostics, output, _) = Run(Spec(ListPets, schemas));

        var messages = diagnostics.Where(d => d.Id == "IOTDA107").Select(d => d.GetMessage()).ToArray();
        Assert.Equal(3, messages.Length);
        Assert.Contains(messages, m => m.Contains("'Value1'"));
        Assert.Contains(messages, m => m.Contains("'AB'"));
        Assert.Contains(messages, m => m.Contains("'Empty'"));
        Assert.All(diagnostics.Where(d => d.Id == "IOTDA107"), d => Assert.Equal(22, d.Location.GetLineSpan().StartLinePosition.Line + 1));
        var kind = output.GetTypeByMetadataName("Pets.Kind")!;
        Assert.Equal(new[] { "AB", "Empty", "Plain", "Value1" }, kind.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic).Select(p => p.Name).OrderBy(n => n));
    }

    [Fact]
    public void A_CSharp_keyword_as_a_name_is_IOTDA108_and_escaped()
    {
        var (diagnostics, output, _) = Run(Spec(ListPets.Replace("      responses:", "      parameters:\n        - {name: class, in: query, schema: {type: string}}\n      responses:")));

        Single(diagnostics, "IOTDA108", 8);
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Pets.PetsClient")!.GetMembers("ListPetsAsync").Single();
        Assert.Equal("class", method.Parameters[0].Name);
    }

    [Fact]
    public void A_problem_the_reader_reports_is_IOTDA109_and_generation_goes_on()
    {
        var (diagnostics, output, _) = Run(Spec(ListPets).Replace("info: {title: Pets, version: \"1\"}\n", ""));

        Assert.Contains(diagnostics, d => d.Id == "IOTDA109" && d.GetMessage().Contains("info"));
        Assert.NotNull(output.GetTypeByMetadataName("Pets.PetsClient"));
    }

    [Fact]
    public void The_readers_complaints_are_one_IOTDA109_per_message_counting_its_places_and_at_most_25_then_a_count()
    {
        // Three operations without responses say the same thing three times; forty references into the spec's own
        // paths (which the reader does not follow) say forty different things, and one more the same forty times.
        static string Paths(int count, System.Func<int, string> operation) =>
            string.Concat(Enumerable.Range(0, count).Select(i => $"  /p{i}:\n    get:\n      operationId: get{i}\n" + operation(i)));
        var (silent, _, _) = Run(Spec(Paths(3, _ => "      responses: {}\n")));
        var (loud, output, _) = Run(Spec(Paths(40, i => $"      parameters:\n        - $ref: \"#/paths/~1q{i}/get/parameters/0\"\n      responses: {{\"204\": {{description: ok}}}}\n")));

        string[] Problems(Diagnostic[] diagnostics) =>
            diagnostics.Where(d => d.Id == "IOTDA109").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.EndsWith("Responses must contain at least one response (and at 2 more places)", Assert.Single(Problems(silent)), System.StringComparison.Ordinal);
        var problems = Problems(loud);
        Assert.Equal(26, problems.Length);
        Assert.Single(problems, m => m.EndsWith("Referenced Path mismatch (and at 39 more places)", System.StringComparison.Ordinal));
        Assert.EndsWith("16 more problems, at 16 places, are not listed; fix the ones above and build again to see them", problems[^1], System.StringComparison.Ordinal);
        Assert.Equal(40, output.GetTypeByMetadataName("Pets.IPetsClient")!.GetMembers().Count(m => m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void An_example_or_default_of_the_wrong_type_is_the_info_IOTDA115_not_the_warning_IOTDA109()
    {
        var pet = "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n        age: {type: integer, example: ten}\n        count: {type: integer, default: many}\n";

        var (diagnostics, output, _) = Run(Spec(ListPets, pet));

        Assert.DoesNotContain(diagnostics, d => d.Id == "IOTDA109");
        var mismatches = diagnostics.Where(d => d.Id == "IOTDA115").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(new[] { 21, 22 }, mismatches.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(mismatches, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains("#/components/schemas/Pet/properties/age/example", mismatches[0].GetMessage());
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Pet"));
    }

    [Fact]
    public void A_spec_whose_text_cannot_be_read_is_IOTDA100_not_a_generator_exception()
    {
        var spec = new SpecInput(Path, "openapi: 3.0.3", "Pets", "PetsClient");
        var run = GeneratorHarness.CreateDriver(new[] { spec }).ReplaceAdditionalText(spec.File, new UnreadableText(Path))
            .RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer { }"))
            .GetRunResult();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("IOTDA100", diagnostic.Id);
        Assert.Contains("the file is locked", diagnostic.GetMessage());
        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.GeneratedTrees);
    }

    private sealed class UnreadableText : AdditionalText
    {
        public UnreadableText(string path) => Path = path;

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            throw new System.IO.IOException("the file is locked");
    }
}
