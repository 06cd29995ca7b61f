using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;

namespace IoTDA.Runtime;

/// <summary>
/// The checks generated clients run before anything is sent. Each failure throws an <see cref="ArgumentException"/>
/// whose message names the member (as the spec spells it), the value and the limit.
/// </summary>
public static class IoTDAValidation
{
    /// <summary>How long one pattern match may take before the value is rejected as unverifiable.</summary>
    public static readonly TimeSpan PatternMatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, PatternCheck> Patterns = new(StringComparer.Ordinal);

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
            throw Broken(ConstraintTable.MinItems, name, name, ConstraintWording.ItemCount(items.Count), minimum);
        }
    }

    public static void MaxItems<T>(IReadOnlyCollection<T>? items, string name, int maximum)
    {
        if (items is not null && items.Count > maximum)
        {
            throw Broken(ConstraintTable.MaxItems, name, name, ConstraintWording.ItemCount(items.Count), maximum);
        }
    }

    public static void MinLength(string? value, string name, int minimum)
    {
        if (value is not null && CountCodePoints(value) is var length && length < minimum)
        {
            throw Broken(ConstraintTable.Length, name, name, ConstraintWording.Echo(value), length, "needs at least " + minimum.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void MaxLength(string? value, string name, int maximum)
    {
        if (value is not null && CountCodePoints(value) is var length && length > maximum)
        {
            throw Broken(ConstraintTable.Length, name, name, ConstraintWording.Echo(value), length, "accepts at most " + maximum.ToString(CultureInfo.InvariantCulture));
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
            throw Broken(ConstraintTable.Pattern, name, name, ConstraintWording.Echo(value), pattern);
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
            throw Broken(ConstraintTable.Range, name, name, ConstraintWording.Number(number), ConstraintWording.Range(minimum, maximum, exclusiveMinimum, exclusiveMaximum));
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

        throw Broken(ConstraintTable.AllowedValues, name, ConstraintWording.Echo(value), name, ConstraintWording.Alternatives(allowed), "");
    }

    /// <summary>The length JSON Schema uses: Unicode code points, so a surrogate pair counts once.</summary>
    public static int CountCodePoints(string value) => ConstraintWording.CodePoints(value);

    /// <summary>The rule's message, as the analyzers word it, ended as a sentence.</summary>
    private static ArgumentException Broken(ConstraintRule rule, string name, params object[] arguments) =>
        new(string.Format(CultureInfo.InvariantCulture, rule.MessageFormat, arguments) + ".", name);

    private static PatternCheck CreatePattern(string pattern) => new(
        SpecPattern.TryCreate(pattern, PatternMatchTimeout)
        ?? throw new ArgumentException($"The pattern {pattern} is not a regular expression this SDK can read.", nameof(pattern)));

    /// <summary>
    /// A pattern's regular expression and the last string it accepted. The calls of a batch, and many loops, check
    /// the same ID string again and again; a string is immutable, so the same instance is the same text and is not
    /// matched twice. Shared across threads: the remembered string is one reference, read and written whole.
    /// </summary>
    private sealed class PatternCheck
    {
        private readonly Regex _regex;
        private string? _lastMatch;

        public PatternCheck(Regex regex)
        {
            _regex = regex;
        }

        public bool IsMatch(string value)
        {
            if (ReferenceEquals(Volatile.Read(ref _lastMatch), value))
            {
                return true;
            }

            if (!_regex.IsMatch(value))
            {
                return false;
            }

            Volatile.Write(ref _lastMatch, value);
            return true;
        }
    }
}
