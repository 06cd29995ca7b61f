using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoTDA.Analyzers.CodeFixes;

/// <summary>
/// IOTDA001 on the items of a request body built in the call: rewrites <c>UnbindDevicePolicyAsync(id, new Body {
/// TargetType = t, TargetIds = [...] })</c> into <c>UnbindDevicePolicyInBatchesAsync(id, t, [...])</c>, which splits
/// the items into calls of the allowed size. Offered only when the client has such a method and every member the
/// body sets has a parameter of the same name there, so nothing written is lost.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InBatchesCodeFixProvider))]
[Shared]
public sealed class InBatchesCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = DiagnosticDescriptors.TooManyItemsId + ".InBatches";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TooManyItemsId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax items
                || Rewrite(items, diagnostic.Properties) is not { } rewrite)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call " + rewrite.MethodName + ", which sends the items in batches",
                    token => Apply(context.Document, rewrite, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, Rewritten rewrite, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(rewrite.Original, rewrite.Replacement));
    }

    /// <summary>
    /// Works from the syntax and the properties the analyzer attached (the batching method, its parameters, and the
    /// parameter each written argument binds to): the semantic model of a project whose client is generated is not
    /// always at hand where code fixes run.
    /// </summary>
    private static Rewritten? Rewrite(ExpressionSyntax items, ImmutableDictionary<string, string?> properties)
    {
        if (!properties.TryGetValue(DiagnosticProperties.BatchedMethod, out var batchedName) || batchedName is null
            || !properties.TryGetValue(DiagnosticProperties.BatchedParameters, out var batchedParameters) || batchedParameters is null
            || !properties.TryGetValue(DiagnosticProperties.ArgumentParameters, out var argumentParameters) || argumentParameters is null
            || items.Parent is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax body } initializer }
            || body.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } argumentList })
        {
            return null;
        }

        var parameterNames = argumentParameters.Split(',');
        if (parameterNames.Length != argumentList.Arguments.Count)
        {
            return null;
        }

        var values = new Dictionary<string, ExpressionSyntax>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parameterNames.Length; i++)
        {
            var written = argumentList.Arguments[i];
            if (written.Expression != body && !TryAdd(values, parameterNames[i], written.Expression))
            {
                return null;
            }
        }

        foreach (var member in initializer.Expressions)
        {
            if (member is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                || !TryAdd(values, name.Identifier.ValueText, assignment.Right))
            {
                return null;
            }
        }

        var arguments = new List<ArgumentSyntax>();
        var named = false;
        foreach (var declared in batchedParameters.Split(','))
        {
            var isOptional = declared.EndsWith("?", StringComparison.Ordinal);
            var parameter = isOptional ? declared.Substring(0, declared.Length - 1) : declared;
            if (values.TryGetValue(parameter, out var value))
            {
                var argument = SyntaxFactory.Argument(value.WithoutLeadingTrivia().WithoutTrailingTrivia());
                arguments.Add(named ? argument.WithNameColon(NameColon(parameter)) : argument);
                values.Remove(parameter);
            }
            else if (isOptional)
            {
                named = true;
            }
            else
            {
                return null;
            }
        }

        if (values.Count != 0 || RenameCallee(invocation.Expression, batchedName) is not { } callee)
        {
            return null;
        }

        var newArguments = SyntaxFactory.ArgumentList(
            SyntaxFactory.SeparatedList(arguments, Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(0, arguments.Count - 1))));
        var replacement = invocation.WithExpression(callee).WithArgumentList(newArguments.WithTriviaFrom(argumentList));
        return new Rewritten(invocation, replacement, batchedName);
    }

    private static NameColonSyntax NameColon(string name) =>
        SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space));

    private static bool TryAdd(Dictionary<string, ExpressionSyntax> values, string name, ExpressionSyntax value)
    {
        if (values.ContainsKey(name))
        {
            return false;
        }

        values.Add(name, value);
        return true;
    }

    private static ExpressionSyntax? RenameCallee(ExpressionSyntax callee, string name) =>
        callee switch
        {
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name)),
            MemberBindingExpressionSyntax binding => binding.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(binding.Name)),
            IdentifierNameSyntax identifier => SyntaxFactory.IdentifierName(name).WithTriviaFrom(identifier),
            _ => null,
        };

    private sealed class Rewritten
    {
        public Rewritten(InvocationExpressionSyntax original, InvocationExpressionSyntax replacement, string methodName)
        {
            Original = original;
            Replacement = replacement;
            MethodName = methodName;
        }

        public InvocationExpressionSyntax Original { get; }

        public InvocationExpressionSyntax Replacement { get; }

        public string MethodName { get; }
    }
}
