using System;
using System.Collections.Generic;

namespace IoTDA.Runtime;

/// <summary>
/// A rule of the OpenAPI spec, stamped by the generator on a generated property or parameter so analyzers can check
/// constant arguments at compile time. <see cref="Name"/> is the member's name on the wire (e.g. <c>target_ids</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public abstract class IoTDAConstraintAttribute : Attribute
{
    protected IoTDAConstraintAttribute(string name) => Name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The member's name as the spec and the wire spell it.</summary>
    public string Name { get; }
}

/// <summary>The spec's <c>maxItems</c>: the collection may hold at most <see cref="Maximum"/> elements.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class MaxItemsConstraintAttribute : IoTDAConstraintAttribute
{
    public MaxItemsConstraintAttribute(string name, int maximum)
        : base(name) => Maximum = maximum;

    public int Maximum { get; }
}

/// <summary>The spec's <c>minItems</c>: the collection must hold at least <see cref="Minimum"/> elements.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class MinItemsConstraintAttribute : IoTDAConstraintAttribute
{
    public MinItemsConstraintAttribute(string name, int minimum)
        : base(name) => Minimum = minimum;

    public int Minimum { get; }
}

/// <summary>
/// The spec's <c>minLength</c>/<c>maxLength</c>, counted in Unicode code points as JSON Schema counts them. A bound the
/// spec leaves out is 0 (minimum) or <see cref="int.MaxValue"/> (maximum).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class LengthConstraintAttribute : IoTDAConstraintAttribute
{
    public LengthConstraintAttribute(string name, int minimum, int maximum)
        : base(name)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Minimum { get; }

    public int Maximum { get; }
}

/// <summary>The spec's <c>pattern</c>: an ECMAScript regular expression the string must match (anywhere, unanchored unless the pattern anchors itself).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PatternConstraintAttribute : IoTDAConstraintAttribute
{
    public PatternConstraintAttribute(string name, string pattern)
        : base(name) => Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));

    public string Pattern { get; }
}

/// <summary>
/// The spec's <c>minimum</c>/<c>maximum</c>. A bound the spec leaves out is <see cref="double.NegativeInfinity"/> or
/// <see cref="double.PositiveInfinity"/>; <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> set the matching
/// <see cref="MinimumIsExclusive"/>/<see cref="MaximumIsExclusive"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class RangeConstraintAttribute : IoTDAConstraintAttribute
{
    public RangeConstraintAttribute(string name, double minimum, double maximum)
        : base(name)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    public bool MinimumIsExclusive { get; set; }

    public bool MaximumIsExclusive { get; set; }
}

/// <summary>The spec's <c>enum</c>: the value must be one of <see cref="Values"/> (ordinal, case-sensitive).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class AllowedValuesConstraintAttribute : IoTDAConstraintAttribute
{
    private readonly string[] _values;

    public AllowedValuesConstraintAttribute(string name, params string[] values)
        : base(name) => _values = values ?? Array.Empty<string>();

    public IReadOnlyList<string> Values => _values;
}
