using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using IoTDA.Runtime;

namespace IoTDA.Analyzers;

/// <summary>
/// Flags values known at compile time that break a rule the generator stamped on the member they flow into: a
/// property or field assignment (object initializers included) or an argument, named or positional.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <summary>One match may take this long before the value counts as unknown and is left alone.</summary>
    private static readonly TimeSpan PatternMatchTimeout = TimeSpan.FromMilliseconds(250);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TooManyItems,
        DiagnosticDescriptors.NotAllowedValue,
        DiagnosticDescriptors.TooFewItems,
        DiagnosticDescriptors.OutOfRange,
        DiagnosticDescriptors.WrongLength,
        DiagnosticDescriptors.PatternMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (ConstraintSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var checker = new Checker(symbols);
            start.RegisterOperationAction(checker.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(checker.AnalyzeArgument, OperationKind.Argument);
        });
    }

    /// <summary>The per-compilation state: the attribute symbols and the compiled patterns.</summary>
    private sealed class Checker
    {
        private readonly ConstraintSymbols _symbols;
        private readonly ConcurrentDictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);

        public Checker(ConstraintSymbols symbols) => _symbols = symbols;

        public void AnalyzeAssignment(OperationAnalysisContext context)
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
                Check(context, member, assignment.Value);
            }
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Check(context, parameter, argument.Value);
            }
        }

        private void Check(OperationAnalysisContext context, ISymbol member, IOperation value)
        {
            var constraints = _symbols.For(member);
            if (ReferenceEquals(constraints, MemberConstraints.None))
            {
                return;
            }

            var branches = new List<IOperation>(2);
            KnownValues.AddBranches(value, branches);
            foreach (var branch in branches)
            {
                if (constraints.HasItemRules && KnownValues.TryCount(branch, out var count, out var exact))
                {
                    CheckItems(context, constraints, branch, count, exact);
                }

                if (constraints.HasStringRules)
                {
                    var written = WrappedWireValue(branch) ?? branch;
                    if (KnownValues.TryGetString(written, out var text))
                    {
                        CheckString(context, member, constraints, written, text);
                    }
                }

                if (constraints.Range is { } range && KnownValues.TryGetNumber(branch, out var number) && !range.Accepts(number))
                {
                    Report(context, DiagnosticDescriptors.OutOfRange, branch, null, constraints.Name, ConstraintWording.Number(number), Describe.Range(range));
                }
            }
        }

        private static void CheckItems(OperationAnalysisContext context, MemberConstraints constraints, IOperation branch, int count, bool exact)
        {
            if (constraints.MaxItems is { } maximum && count > maximum)
            {
                Report(context, DiagnosticDescriptors.TooManyItems, branch, null, constraints.Name, Describe.Items(count, exact), maximum);
            }

            if (constraints.MinItems is { } minimum && exact && count < minimum)
            {
                Report(context, DiagnosticDescriptors.TooFewItems, branch, null, constraints.Name, Describe.Items(count, exact), minimum);
            }
        }

        private void CheckString(OperationAnalysisContext context, ISymbol member, MemberConstraints constraints, IOperation branch, string text)
        {
            if (!constraints.AllowedValues.IsDefault && constraints.AllowedValues.IndexOf(text, 0, StringComparer.Ordinal) < 0)
            {
                var closest = Describe.Closest(text, constraints.AllowedValues);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (closest is not null)
                {
                    properties = properties.Add(DiagnosticProperties.ClosestValue, closest);
                    if (NamedValue(MemberType(member), closest) is { } named)
                    {
                        properties = properties.Add(DiagnosticProperties.NamedValue, named);
                    }
                }

                Report(
                    context,
                    DiagnosticDescriptors.NotAllowedValue,
                    branch,
                    properties,
                    ConstraintWording.Echo(text),
                    constraints.Name,
                    ConstraintWording.Alternatives(constraints.AllowedValues),
                    closest is null ? "" : " (did you mean '" + closest + "'?)");
            }

            if (constraints.Length is { } length)
            {
                var codePoints = ConstraintWording.CodePoints(text);
                if (codePoints > length.Maximum)
                {
                    Report(context, DiagnosticDescriptors.WrongLength, branch, null, constraints.Name, ConstraintWording.Echo(text), codePoints, "accepts at most " + length.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (codePoints < length.Minimum)
                {
                    Report(context, DiagnosticDescriptors.WrongLength, branch, null, constraints.Name, ConstraintWording.Echo(text), codePoints, "needs at least " + length.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (constraints.Pattern is { } pattern && Matches(pattern, text) == false)
            {
                Report(context, DiagnosticDescriptors.PatternMismatch, branch, null, constraints.Name, ConstraintWording.Echo(text), pattern);
            }
        }

        /// <summary>
        /// The string in <c>new TargetType("devices")</c>: a generated extensible enum wraps its wire value in a
        /// constructor that takes the string alone.
        /// </summary>
        private static IOperation? WrappedWireValue(IOperation branch) =>
            branch is IObjectCreationOperation { Type.TypeKind: TypeKind.Struct, Constructor.Parameters.Length: 1, Arguments.Length: 1, Initializer: null } creation
            && creation.Constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
                ? creation.Arguments[0].Value
                : null;

        /// <summary>Null when the pattern cannot be compiled or the match times out: then nothing is known.</summary>
        private bool? Matches(string pattern, string text)
        {
            if (_patterns.GetOrAdd(pattern, CreatePattern) is not { } regex)
            {
                return null;
            }

            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private static Regex? CreatePattern(string pattern)
        {
            try
            {
                return new Regex(pattern, RegexOptions.ECMAScript, PatternMatchTimeout);
            }
            catch (ArgumentException)
            {
                // .NET's ECMAScript mode rejects some constructs ECMAScript has (\p{...}, lookbehind); the runtime
                // reads those with the default engine, and so do the analyzers, to agree with it.
                try
                {
                    return new Regex(pattern, RegexOptions.CultureInvariant, PatternMatchTimeout);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }

        private static ITypeSymbol? MemberType(ISymbol member)
        {
            var type = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };

            return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
                ? nullable.TypeArguments[0]
                : type;
        }

        /// <summary>
        /// The static property of a generated extensible enum that holds <paramref name="value"/>, fully qualified:
        /// the generator names it after the value in PascalCase, so the letters and digits match ignoring case.
        /// </summary>
        private static string? NamedValue(ITypeSymbol? type, string value)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } structType)
            {
                return null;
            }

            var key = LettersAndDigits(value);
            string? found = null;
            foreach (var candidate in structType.GetMembers())
            {
                if (candidate is IPropertySymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsIndexer: false } property
                    && SymbolEqualityComparer.Default.Equals(property.Type, structType)
                    && string.Equals(LettersAndDigits(property.Name), key, StringComparison.OrdinalIgnoreCase))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = structType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + property.Name;
                }
            }

            return found;
        }

        private static string LettersAndDigits(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length);
            foreach (var character in value)
            {
                if (char.IsLetterOrDigit(character))
                {
                    builder.Append(character);
                }
            }

            return builder.ToString();
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IOperation branch, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, branch.Syntax.GetLocation(), properties, arguments));
    }
}
