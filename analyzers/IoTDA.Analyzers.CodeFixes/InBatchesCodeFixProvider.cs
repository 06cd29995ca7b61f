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
using Microsoft.CodeAnalysis.Operations;

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

    private const string AsyncSuffix = "Async";
    private const string BatchedSuffix = "InBatchesAsync";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TooManyItemsId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax items
                || Rewrite(items, semanticModel, context.CancellationToken) is not { } rewrite)
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

    private static Rewritten? Rewrite(ExpressionSyntax items, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (items.Parent is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax body } initializer }
            || (body.ArgumentList?.Arguments.Count ?? 0) != 0
            || body.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation { TargetMethod: var method } call
            || !method.Name.EndsWith(AsyncSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var batchedName = method.Name.Substring(0, method.Name.Length - AsyncSuffix.Length) + BatchedSuffix;
        var batched = method.ContainingType.GetMembers(batchedName).OfType<IMethodSymbol>().FirstOrDefault(candidate => !candidate.IsGenericMethod && candidate.IsStatic == method.IsStatic);
        if (batched is null)
        {
            return null;
        }

        var values = new Dictionary<string, ExpressionSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            if (argument.Syntax is not ArgumentSyntax written)
            {
                return null;
            }

            if (written.Expression != body && !TryAdd(values, argument.Parameter.Name, written.Expression))
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
        foreach (var parameter in batched.Parameters)
        {
            if (values.TryGetValue(parameter.Name, out var value))
            {
                var argument = SyntaxFactory.Argument(value.WithoutLeadingTrivia().WithoutTrailingTrivia());
                arguments.Add(named ? argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter.Name))) : argument);
                values.Remove(parameter.Name);
            }
            else if (parameter.IsOptional)
            {
                named = true;
            }
            else
            {
                return null;
            }
        }

        if (values.Count != 0)
        {
            return null;
        }

        var callee = RenameCallee(invocation.Expression, batchedName);
        if (callee is null)
        {
            return null;
        }

        var argumentList = SyntaxFactory.ArgumentList(
            SyntaxFactory.SeparatedList(arguments, Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(0, arguments.Count - 1))));
        var replacement = invocation.WithExpression(callee).WithArgumentList(argumentList.WithTriviaFrom(invocation.ArgumentList));
        return new Rewritten(invocation, replacement, batchedName);
    }

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
