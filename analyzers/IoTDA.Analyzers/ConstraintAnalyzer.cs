using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using IoTDA.Analyzers.Rules;
using IoTDA.Analyzers.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IoTDA.Analyzers;

/// <summary>
/// Flags values known at compile time that break a rule the generator stamped on the member they flow into: a
/// property or field assignment (object initializers included) or an argument, named or positional. This class only
/// finds the member and the values that reach it; <see cref="ValueFlow"/> says what is known about each value and
/// the files under <see cref="Rules"/> judge it, one per constraint kind.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    private readonly Action<CompiledPatterns>? _patternsCreated;

    public ConstraintAnalyzer()
    {
    }

    /// <summary>Hands each compilation's patterns to a test, which counts how often a regular expression ran.</summary>
    internal ConstraintAnalyzer(Action<CompiledPatterns> patternsCreated) => _patternsCreated = patternsCreated;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ConstraintSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            _patternsCreated?.Invoke(symbols.Patterns);

            start.RegisterOperationAction(context => AnalyzeAssignment(context, symbols), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(context => AnalyzeArgument(context, symbols), OperationKind.Argument);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ConstraintSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        ISymbol? member = assignment.Target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        if (member is not null)
        {
            Check(context, symbols, member, assignment.Value);
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, ConstraintSymbols symbols)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
        {
            Check(context, symbols, parameter, argument.Value);
        }
    }

    private static void Check(OperationAnalysisContext context, ConstraintSymbols symbols, ISymbol member, IOperation value)
    {
        var constraints = symbols.For(member);
        if (constraints.Rules.IsEmpty)
        {
            return;
        }

        var branches = new List<IOperation>(2);
        Branches.Add(value, branches);
        foreach (var branch in branches)
        {
            var flowing = new FlowingValue(context, member, constraints.Name, branch);
            foreach (var rule in constraints.Rules)
            {
                rule.Check(flowing);
            }
        }
    }
}
