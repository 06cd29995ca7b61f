using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using IoTDA.Analyzers.Rules;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers;

/// <summary>
/// The constraint attribute types of IoTDA.Runtime as this compilation sees them, resolved once per compilation from
/// <see cref="ConstraintTable"/>, and the rules read from each member's attributes, read once per member. Created at
/// compilation start, so what it keeps (the compiled patterns too) lives as long as the compilation.
/// </summary>
internal sealed class ConstraintSymbols
{
    private readonly INamedTypeSymbol _baseAttribute;

    /// <summary>Each attribute type the runtime defines, to its row's index in <see cref="ConstraintTable.All"/>.</summary>
    private readonly Dictionary<INamedTypeSymbol, int> _rowByAttribute = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<ISymbol, MemberConstraints> _byMember = new(SymbolEqualityComparer.Default);

    // The rule attributes live in the assembly that defines the base attribute: looked up there, not across every
    // reference of the compilation (each compilation-wide lookup searches them all, milliseconds on a large project).
    private ConstraintSymbols(INamedTypeSymbol baseAttribute)
    {
        _baseAttribute = baseAttribute;
        var runtime = baseAttribute.ContainingAssembly;
        for (var index = 0; index < ConstraintTable.All.Count; index++)
        {
            if (runtime.GetTypeByMetadataName(ConstraintTable.All[index].AttributeMetadataName) is { } attribute)
            {
                _rowByAttribute[attribute] = index;
            }
        }
    }

    /// <summary>The compilation's patterns, each compiled once, that every pattern rule matches with.</summary>
    public CompiledPatterns Patterns { get; } = new();

    /// <summary>Null when the compilation does not reference IoTDA.Runtime: then nothing can be constrained.</summary>
    public static ConstraintSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ConstraintTable.Namespace + "." + ConstraintTable.BaseAttributeName) is { } baseAttribute
            ? new ConstraintSymbols(baseAttribute)
            : null;

    public MemberConstraints For(ISymbol member) => _byMember.GetOrAdd(member, Read);

    private MemberConstraints Read(ISymbol member)
    {
        var name = string.Empty;
        var byRow = new MemberRule?[ConstraintTable.All.Count];
        foreach (var attribute in AttributesOf(member))
        {
            if (attribute.AttributeClass is not { } type || !DerivesFromBase(type)
                || AttributeArguments.String(attribute, 0) is not { } memberName
                || !_rowByAttribute.TryGetValue(type, out var row)
                || ReadRule(ConstraintTable.All[row].Kind, attribute) is not { } rule)
            {
                continue;
            }

            byRow[row] = rule;
            name = memberName;
        }

        var rules = ImmutableArray.CreateBuilder<MemberRule>();
        foreach (var rule in byRow)
        {
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == 0 ? MemberConstraints.None : new MemberConstraints(name, rules.ToImmutable());
    }

    /// <summary>
    /// The rule file of each kind reads its attribute. Every kind is named and there is no discard arm, so a row added
    /// to the table without a rule here fails to compile (CS8509); only values outside the enum are left unhandled.
    /// </summary>
#pragma warning disable CS8524
    private MemberRule? ReadRule(ConstraintKind kind, AttributeData attribute) => kind switch
    {
        ConstraintKind.MaxItems => ItemCountRule.ReadMaximum(attribute),
        ConstraintKind.MinItems => ItemCountRule.ReadMinimum(attribute),
        ConstraintKind.AllowedValues => AllowedValuesRule.Read(attribute),
        ConstraintKind.Length => LengthRule.Read(attribute),
        ConstraintKind.Pattern => PatternRule.Read(attribute, Patterns),
        ConstraintKind.Range => RangeRule.Read(attribute),
    };
#pragma warning restore CS8524

    /// <summary>
    /// The member's own attributes, else those of the member it overrides (the attributes are inherited), so a
    /// derived client's override keeps the rules.
    /// </summary>
    private ImmutableArray<AttributeData> AttributesOf(ISymbol member)
    {
        var current = member;
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            var attributes = current.GetAttributes();
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } type && DerivesFromBase(type))
                {
                    return attributes;
                }
            }

            current = current switch
            {
                IPropertySymbol property => property.OverriddenProperty,
                IParameterSymbol { ContainingSymbol: IMethodSymbol { OverriddenMethod: { } overridden } } parameter
                    when parameter.Ordinal < overridden.Parameters.Length => overridden.Parameters[parameter.Ordinal],
                _ => null,
            };
        }

        return ImmutableArray<AttributeData>.Empty;
    }

    private bool DerivesFromBase(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _baseAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
