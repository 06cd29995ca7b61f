using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers;

/// <summary>
/// The constraint attribute types of IoTDA.Runtime as this compilation sees them, resolved once per compilation, and
/// the rules read from each member's attributes, read once per member.
/// </summary>
internal sealed class ConstraintSymbols
{
    private const string Namespace = "IoTDA.Runtime.";

    private readonly INamedTypeSymbol _baseAttribute;
    private readonly INamedTypeSymbol? _maxItems;
    private readonly INamedTypeSymbol? _minItems;
    private readonly INamedTypeSymbol? _allowedValues;
    private readonly INamedTypeSymbol? _length;
    private readonly INamedTypeSymbol? _pattern;
    private readonly INamedTypeSymbol? _range;
    private readonly ConcurrentDictionary<ISymbol, MemberConstraints> _byMember = new(SymbolEqualityComparer.Default);

    // The rule attributes live in the assembly that defines the base attribute: looked up there, not across every
    // reference of the compilation (each compilation-wide lookup searches them all, milliseconds on a large project).
    private ConstraintSymbols(INamedTypeSymbol baseAttribute)
    {
        _baseAttribute = baseAttribute;
        var runtime = baseAttribute.ContainingAssembly;
        _maxItems = runtime.GetTypeByMetadataName(Namespace + "MaxItemsConstraintAttribute");
        _minItems = runtime.GetTypeByMetadataName(Namespace + "MinItemsConstraintAttribute");
        _allowedValues = runtime.GetTypeByMetadataName(Namespace + "AllowedValuesConstraintAttribute");
        _length = runtime.GetTypeByMetadataName(Namespace + "LengthConstraintAttribute");
        _pattern = runtime.GetTypeByMetadataName(Namespace + "PatternConstraintAttribute");
        _range = runtime.GetTypeByMetadataName(Namespace + "RangeConstraintAttribute");
    }

    /// <summary>Null when the compilation does not reference IoTDA.Runtime: then nothing can be constrained.</summary>
    public static ConstraintSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Namespace + "IoTDAConstraintAttribute") is { } baseAttribute
            ? new ConstraintSymbols(baseAttribute)
            : null;

    public MemberConstraints For(ISymbol member) => _byMember.GetOrAdd(member, Read);

    private MemberConstraints Read(ISymbol member)
    {
        var constraints = new MemberConstraints();
        foreach (var attribute in AttributesOf(member))
        {
            var type = attribute.AttributeClass;
            if (type is null || !DerivesFromBase(type))
            {
                continue;
            }

            var arguments = attribute.ConstructorArguments;
            if (arguments.Length == 0 || arguments[0].Value is not string name)
            {
                continue;
            }

            if (Is(type, _maxItems) && IntArgument(arguments, 1) is { } maxItems)
            {
                constraints.MaxItems = maxItems;
            }
            else if (Is(type, _minItems) && IntArgument(arguments, 1) is { } minItems)
            {
                constraints.MinItems = minItems;
            }
            else if (Is(type, _allowedValues) && StringsArgument(arguments, 1) is { IsDefault: false } values)
            {
                constraints.AllowedValues = values;
            }
            else if (Is(type, _length) && IntArgument(arguments, 1) is { } minLength && IntArgument(arguments, 2) is { } maxLength)
            {
                constraints.Length = new LengthRule(minLength, maxLength);
            }
            else if (Is(type, _pattern) && arguments.Length > 1 && arguments[1].Value is string pattern)
            {
                constraints.Pattern = pattern;
            }
            else if (Is(type, _range) && DoubleArgument(arguments, 1) is { } minimum && DoubleArgument(arguments, 2) is { } maximum)
            {
                constraints.Range = new RangeRule(minimum, maximum, NamedFlag(attribute, "MinimumIsExclusive"), NamedFlag(attribute, "MaximumIsExclusive"));
            }
            else
            {
                continue;
            }

            constraints.Name = name;
        }

        return constraints.IsEmpty ? MemberConstraints.None : constraints;
    }

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

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static int? IntArgument(ImmutableArray<TypedConstant> arguments, int index) =>
        index < arguments.Length && arguments[index].Kind == TypedConstantKind.Primitive && arguments[index].Value is int value ? value : null;

    private static double? DoubleArgument(ImmutableArray<TypedConstant> arguments, int index) =>
        index < arguments.Length && arguments[index].Kind == TypedConstantKind.Primitive && arguments[index].Value is double value ? value : null;

    private static ImmutableArray<string> StringsArgument(ImmutableArray<TypedConstant> arguments, int index)
    {
        if (index >= arguments.Length || arguments[index].Kind != TypedConstantKind.Array || arguments[index].IsNull)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var element in arguments[index].Values)
        {
            if (element.Value is not string value)
            {
                return default;
            }

            builder.Add(value);
        }

        return builder.ToImmutable();
    }

    private static bool NamedFlag(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is bool flag)
            {
                return flag;
            }
        }

        return false;
    }
}
