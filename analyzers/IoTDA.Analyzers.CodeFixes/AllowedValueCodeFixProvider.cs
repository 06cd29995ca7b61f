using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace IoTDA.Analyzers.CodeFixes;

/// <summary>
/// IOTDA002: replaces a value that is not allowed with the closest allowed one, written as a string or as the
/// generated enum's named value (<c>TargetType.Device</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowedValueCodeFixProvider))]
[Shared]
public sealed class AllowedValueCodeFixProvider : CodeFixProvider
{
    internal static readonly string ClosestValueKey = DiagnosticDescriptors.NotAllowedValueId + ".ClosestValue";
    internal static readonly string NamedValueKey = DiagnosticDescriptors.NotAllowedValueId + ".NamedValue";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotAllowedValueId);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ClosestValue, out var closest) || closest is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.NamedValue, out var named) && named is not null)
            {
                var shortName = ShortName(named);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + shortName,
                        token => Replace(context.Document, value, SyntaxFactory.ParseExpression(named).WithAdditionalAnnotations(Simplifier.Annotation), token),
                        NamedValueKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use '" + closest + "'",
                    token => Replace(context.Document, value, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(closest)), token),
                    ClosestValueKey),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, ExpressionSyntax value, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)));
    }

    /// <summary><c>global::IoTDA.TargetType.Device</c> reads as <c>TargetType.Device</c> in the fix's title.</summary>
    private static string ShortName(string qualified)
    {
        var last = qualified.LastIndexOf('.');
        var typeStart = last > 0 ? qualified.LastIndexOf('.', last - 1) : -1;
        var shortName = typeStart >= 0 ? qualified.Substring(typeStart + 1) : qualified;
        return shortName.StartsWith("global::", System.StringComparison.Ordinal) ? shortName.Substring("global::".Length) : shortName;
    }
}
