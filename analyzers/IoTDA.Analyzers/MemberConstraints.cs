using System.Collections.Immutable;

namespace IoTDA.Analyzers;

/// <summary>The rules the generator stamped on one property, field or parameter, read from its attributes.</summary>
internal sealed class MemberConstraints
{
    public static readonly MemberConstraints None = new();

    public string Name { get; set; } = string.Empty;

    public int? MaxItems { get; set; }

    public int? MinItems { get; set; }

    public ImmutableArray<string> AllowedValues { get; set; }

    public LengthRule? Length { get; set; }

    public string? Pattern { get; set; }

    public RangeRule? Range { get; set; }

    public bool IsEmpty =>
        MaxItems is null && MinItems is null && AllowedValues.IsDefault && Length is null && Pattern is null && Range is null;

    public bool HasItemRules => MaxItems is not null || MinItems is not null;

    public bool HasStringRules => !AllowedValues.IsDefault || Length is not null || Pattern is not null;
}

internal sealed class LengthRule
{
    public LengthRule(int minimum, int maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Minimum { get; }

    /// <summary><see cref="int.MaxValue"/> when the spec sets no maximum.</summary>
    public int Maximum { get; }
}

internal sealed class RangeRule
{
    public RangeRule(double minimum, double maximum, bool minimumIsExclusive, bool maximumIsExclusive)
    {
        Minimum = minimum;
        Maximum = maximum;
        MinimumIsExclusive = minimumIsExclusive;
        MaximumIsExclusive = maximumIsExclusive;
    }

    /// <summary><see cref="double.NegativeInfinity"/> when the spec sets no minimum.</summary>
    public double Minimum { get; }

    /// <summary><see cref="double.PositiveInfinity"/> when the spec sets no maximum.</summary>
    public double Maximum { get; }

    public bool MinimumIsExclusive { get; }

    public bool MaximumIsExclusive { get; }

    public bool Accepts(double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        var aboveMinimum = MinimumIsExclusive ? value > Minimum : value >= Minimum;
        var belowMaximum = MaximumIsExclusive ? value < Maximum : value <= Maximum;
        return aboveMinimum && belowMaximum;
    }
}
