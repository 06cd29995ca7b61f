using System.Collections.Immutable;
using IoTDA.Analyzers.Rules;

namespace IoTDA.Analyzers;

/// <summary>The rules the generator stamped on one property, field or parameter, read from its attributes.</summary>
internal sealed class MemberConstraints
{
    public static readonly MemberConstraints None = new(string.Empty, ImmutableArray<MemberRule>.Empty);

    public MemberConstraints(string name, ImmutableArray<MemberRule> rules)
    {
        Name = name;
        Rules = rules;
    }

    /// <summary>The member's name as the spec spells it, which every attribute repeats as its first argument.</summary>
    public string Name { get; }

    /// <summary>At most one rule of each constraint kind, in the table's order.</summary>
    public ImmutableArray<MemberRule> Rules { get; }
}
