using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using IoTDA.Generator.Model;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>The pipeline caches: edits that do not change a spec's meaning do no spec work again.</summary>
public class IncrementalTests
{
    private static readonly string[] SpecSteps =
    {
        TrackingNames.SpecItems, TrackingNames.SpecFiles, TrackingNames.Parsed, TrackingNames.Models, TrackingNames.Diagnostics,
    };

    [Fact]
    public void An_unrelated_CSharp_edit_leaves_every_spec_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec });
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { class B { } }", GeneratorHarness.CSharp8));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in SpecSteps.Append(TrackingNames.ProjectSettings))
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Theory]
    [InlineData("blank lines and a comment")]
    [InlineData("CRLF line ends")]
    [InlineData("trailing spaces")]
    public void A_whitespace_only_spec_edit_leaves_the_model_and_the_source_unchanged(string edit)
    {
        var spec = GeneratorHarness.BundledSpec;
        var driver = GeneratorHarness.CreateDriver(new[] { spec });
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        var first = driver.RunGenerators(compilation);
        var before = first.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();

        var original = spec.File;
        var spaced = edit switch
        {
            "blank lines and a comment" => "\n# a comment and blank lines change nothing\n\n" + spec.Text.Replace("\npaths:\n", "\n\npaths:\n") + "\n\n",
            "CRLF line ends" => spec.Text.Replace("\r\n", "\n").Replace("\n", "\r\n"),
            _ => spec.Text.Replace("\r\n", "\n").Replace("\n", "   \n"),
        };
        var second = first.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, spaced)).RunGenerators(compilation);
        var result = second.GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.SpecFiles), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        // The parse re-ran on the new text and produced an equal model: from there on nothing runs again.
        Assert.All(Reasons(result, TrackingNames.Parsed), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.All(Reasons(result, TrackingNames.Models), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(before, result.GeneratedSources.Select(s => s.SourceText.ToString()).ToArray());
    }

    [Fact]
    public void Editing_spec_A_leaves_spec_B_cached()
    {
        var specA = new SpecInput("/specs/a.yaml", GeneratorHarness.BundledSpecText, "First", "FirstClient");
        var specB = new SpecInput("/specs/b.yaml", GeneratorHarness.BundledSpecText, "Second", "SecondClient");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { class A { } }");
        var first = GeneratorHarness.CreateDriver(new[] { specA, specB }).RunGenerators(compilation);

        var original = specA.File;
        var changed = specA.Text.Replace("maxItems: 20", "maxItems: 5");
        var result = first.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, changed)).RunGenerators(compilation)
            .GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.Parsed, TrackingNames.Models })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (o.Value, o.Reason)).ToList();
            Assert.Contains(outputs, o => Path(o.Value) == specA.Path && o.Reason == IncrementalStepRunReason.Modified);
            Assert.Contains(outputs, o => Path(o.Value) == specB.Path && o.Reason == IncrementalStepRunReason.Cached);
        }

        Assert.Contains(result.GeneratedSources, s => s.HintName.StartsWith("a.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("\"target_ids\", 5, __result"));
        Assert.Contains(result.GeneratedSources, s => s.HintName.StartsWith("b.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("\"target_ids\", 20, __result"));
    }

    [Fact]
    public void The_pipeline_model_holds_no_symbols_syntax_compilations_or_OpenAPI_objects()
    {
        var banned = new[] { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(AdditionalText) };
        var visited = new HashSet<Type>();
        var pending = new Queue<Type>(new[] { typeof(SpecFile), typeof(ParseResult), typeof(SpecModel) });
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!visited.Add(type))
            {
                continue;
            }

            Assert.DoesNotContain(banned, b => b.IsAssignableFrom(type));
            Assert.False(type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) ?? false, type + " is an OpenAPI type");
            Assert.False(type.Namespace?.StartsWith("SharpYaml", StringComparison.Ordinal) ?? false, type + " is a YAML type");
            // A diagnostic descriptor is Roslyn's immutable description of a rule, equal by value: a leaf like a string.
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DiagnosticDescriptor))
            {
                continue;
            }

            Assert.True(type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)), type + " is not equatable");
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
            {
                pending.Enqueue(argument);
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Enqueue(field.FieldType.IsArray ? field.FieldType.GetElementType()! : Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType);
            }
        }

        Assert.Contains(typeof(PropertyModel), visited);
        Assert.Contains(typeof(ConstraintsModel), visited);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static string? Path(object value) => value switch
    {
        ParseResult { Model: { } model } => model.HintPrefix.StartsWith("a.", StringComparison.Ordinal) ? "/specs/a.yaml" : "/specs/b.yaml",
        SpecModel model => model.HintPrefix.StartsWith("a.", StringComparison.Ordinal) ? "/specs/a.yaml" : "/specs/b.yaml",
        _ => null,
    };
}
