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
    internal static readonly string EquivalenceKey = DiagnosticDescriptors.TooManyItemsId + ".InBatches";

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
                || await RewriteAsync(context.Document, items, context.CancellationToken).ConfigureAwait(false) is not { } rewrite)
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
    /// Offered when the flagged items are assigned as written (not one branch of a conditional) in the initializer of a
    /// body passed straight to a client's <c>{Operation}Async</c>: every value written, by the name of the parameter or
    /// member it sets, goes to the batching method's parameter of that name. Null when a value would have nowhere to go
    /// or a required parameter nothing to take. The syntax is matched first, so most diagnostics need no semantic model.
    /// </summary>
    private static async Task<Rewritten?> RewriteAsync(Document document, ExpressionSyntax items, CancellationToken cancellationToken)
    {
        if (items.Parent is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax body } initializer }
            || body.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } argumentList }
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } semanticModel
            || semanticModel.GetOperation(body, cancellationToken) is not IObjectCreationOperation creation
            || OutsideConversions(creation.Parent) is not IArgumentOperation { Parent: IInvocationOperation call }
            || BatchingMethod(call.TargetMethod) is not { } batched)
        {
            return null;
        }

        var values = new Dictionary<string, ExpressionSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in argumentList.Arguments)
        {
            if (argument.Expression != body
                && (ParameterOf(call, argument) is not { } parameter || !TryAdd(values, parameter.Name, argument.Expression)))
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
                arguments.Add(named ? argument.WithNameColon(NameColon(parameter.Name)) : argument);
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

        if (values.Count != 0 || RenameCallee(invocation.Expression, batched.Name) is not { } callee)
        {
            return null;
        }

        var newArguments = SyntaxFactory.ArgumentList(
            SyntaxFactory.SeparatedList(arguments, Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(0, arguments.Count - 1))));
        var replacement = invocation.WithExpression(callee).WithArgumentList(newArguments.WithTriviaFrom(argumentList));
        return new Rewritten(invocation, replacement, batched.Name);
    }

    /// <summary>
    /// <c>{Operation}InBatchesAsync</c> beside <c>{Operation}Async</c> on the same type, as the generator emits it for
    /// an operation whose items it knows how to split.
    /// </summary>
    private static IMethodSymbol? BatchingMethod(IMethodSymbol called)
    {
        if (!called.Name.EndsWith("Async", StringComparison.Ordinal))
        {
            return null;
        }

        var batchedName = called.Name.Substring(0, called.Name.Length - "Async".Length) + "InBatchesAsync";
        foreach (var candidate in called.ContainingType.GetMembers(batchedName))
        {
            if (candidate is IMethodSymbol { IsGenericMethod: false } method && method.IsStatic == called.IsStatic)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>The parameter a written argument binds to, named or positional.</summary>
    private static IParameterSymbol? ParameterOf(IInvocationOperation call, ArgumentSyntax written)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Syntax == written && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Parameter;
            }
        }

        return null;
    }

    private static IOperation? OutsideConversions(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true })
        {
            operation = operation.Parent;
        }

        return operation;
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
