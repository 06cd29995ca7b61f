using System;
using System.Linq;
using IoTDA.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Batching and paging live in the runtime: the generated <c>…InBatchesAsync</c> and <c>…AllAsync</c> are one call
/// into it, so a change to how batches merge or pages follow is a runtime change, not string surgery in the emitter.
/// </summary>
public class HelperMethodTests
{
    private const int MaxBodyLines = 10;

    [Fact]
    public void Batching_and_paging_methods_are_a_few_lines_that_call_the_runtime()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpec);
        var client = run.GeneratedTrees.Single(t => t.FilePath.EndsWith(".IoTDAClient.g.cs", StringComparison.Ordinal));
        var helpers = client.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Body is not null && (m.Identifier.Text.EndsWith("InBatchesAsync", StringComparison.Ordinal) || m.Identifier.Text.EndsWith("AllAsync", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(4, helpers.Count);
        Assert.All(helpers, method =>
        {
            var span = method.Body!.GetLocation().GetLineSpan();
            var linesBetweenBraces = span.EndLinePosition.Line - span.StartLinePosition.Line - 1;
            Assert.True(linesBetweenBraces <= MaxBodyLines, method.Identifier.Text + " has " + linesBetweenBraces + " lines between its braces");
            var call = Assert.IsType<InvocationExpressionSyntax>(Assert.IsType<ReturnStatementSyntax>(Assert.Single(method.Body.Statements)).Expression);
            Assert.Matches(@"^global::IoTDA\.Runtime\.(BatchRunner\.RunAsync|PageFollower\.FollowAsync)$", call.Expression.ToString());
        });
    }
}
