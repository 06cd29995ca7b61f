using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTDA.Runtime;

/// <summary>
/// The checks generated clients run before anything is sent. Each failure throws an <see cref="ArgumentException"/>
/// whose message names the member (as the spec spells it), the value and the limit.
/// </summary>
public static class IoTDAValidation
{
    /// <summary>How long one pattern match may take before the value is rejected as unverifiable.</summary>
    public static readonly TimeSpan PatternMatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static void Required<T>(T? value, string name)
        where T : class
    {
        if (value is null)
        {
            throw Missing(name);
        }
    }

    /// <summary>The exception for a required member that has no value.</summary>
    public static ArgumentException Missing(string name) =>
        new ArgumentNullException(name, $"{name} is required.");

    public static void MinItems<T>(IReadOnlyCollection<T>? items, string name, int minimum)
    {
        if (items is not null && items.Count < minimum)
        {
            throw new ArgumentException($"{name} has {ConstraintWording.ItemCount(items.Count)}; the API needs at least {minimum}.", name);
        }
    }

    public static void MaxItems<T>(IReadOnlyCollection<T>? items, string name, int maximum)
    {
        if (items is not null && items.Count > maximum)
        {
            throw new ArgumentException($"{name} has {ConstraintWording.ItemCount(items.Count)}; the API accepts at most {maximum} per call.", name);
        }
    }

    public static void MinLength(string? value, string name, int minimum)
    {
        if (value is not null && CountCodePoints(value) is var length && length < minimum)
        {
            throw new ArgumentException($"{name} '{ConstraintWording.Echo(value)}' is {length} characters long; the API needs at least {minimum}.", name);
        }
    }

    public static void MaxLength(string? value, string name, int maximum)
    {
        if (value is not null && CountCodePoints(value) is var length && length > maximum)
        {
            throw new ArgumentException($"{name} '{ConstraintWording.Echo(value)}' is {length} characters long; the API accepts at most {maximum}.", name);
        }
    }

    /// <summary>Checks the value against an ECMAScript pattern (unanchored, as JSON Schema reads it).</summary>
    public static void Pattern(string? value, string name, string pattern)
    {
        if (value is null)
        {
            return;
        }

        bool matches;
        try
        {
            matches = Patterns.GetOrAdd(pattern, CreatePattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ArgumentException(
                $"{name} '{ConstraintWording.Echo(value)}' could not be checked against the pattern {pattern} within {PatternMatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                name);
        }

        if (!matches)
        {
            throw new ArgumentException($"{name} '{ConstraintWording.Echo(value)}' does not match the pattern {pattern}.", name);
        }
    }

    public static void Range(double? value, string name, double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
    {
        if (value is not { } number)
        {
            return;
        }

        var belowMinimum = minimum is { } min && (exclusiveMinimum ? number <= min : number < min);
        var aboveMaximum = maximum is { } max && (exclusiveMaximum ? number >= max : number > max);
        if (belowMinimum || aboveMaximum || double.IsNaN(number))
        {
            throw new ArgumentException(
                $"{name} is {ConstraintWording.Number(number)}; the API accepts {ConstraintWording.Range(minimum, maximum, exclusiveMinimum, exclusiveMaximum)}.",
                name);
        }
    }

    public static void AllowedValues(string? value, string name, params string[] allowed)
    {
        if (value is null)
        {
            return;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new ArgumentException($"'{ConstraintWording.Echo(value)}' is not a valid {name}; expected {ConstraintWording.Alternatives(allowed)}.", name);
    }

    /// <summary>The length JSON Schema uses: Unicode code points, so a surrogate pair counts once.</summary>
    public static int CountCodePoints(string value) => ConstraintWording.CodePoints(value);

    private static Regex CreatePattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, PatternMatchTimeout);
        }
        catch (ArgumentException)
        {
            // .NET's ECMAScript mode rejects some constructs ECMAScript has (\p{...}, lookbehind); the default
            // engine reads those the same way.
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternMatchTimeout);
        }
    }
}
