using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using IoTDA.Generator.Tests.SpecReading;

namespace IoTDA.Generator.Tests.OperationCalls;

/// <summary>Where a value goes: what the runtime rejects there besides the spec's own constraints.</summary>
internal enum ValuePlace
{
    Path,
    Query,
    Header,
    Body,
}

/// <summary>
/// Picks, for one call, values that meet a schema's constraints, each string different from the others picked, so
/// two members swapped on the wire show. Strings are the spec's example when it fits, else the first fitting candidate.
/// </summary>
internal sealed class ValuePicker
{
    private const int CandidateRounds = 400;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private readonly string _operationId;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private int _numbers;

    public ValuePicker(string operationId) => _operationId = operationId;

    public string String(SpecSchema schema, string? example, string member, ValuePlace place)
    {
        foreach (var candidate in (example is null ? Enumerable.Empty<string>() : new[] { example }).Concat(Candidates()))
        {
            if (!_strings.Contains(candidate) && Fits(schema, candidate) && Allowed(candidate, place))
            {
                _strings.Add(candidate);
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"{_operationId}: no candidate value fits {member} (pattern {schema.Pattern ?? "none"}, length {schema.MinLength ?? 0} to {schema.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "any"}); add one to ValuePicker.Candidates.");
    }

    /// <summary>The spec's first value, or for the items of one array the <paramref name="index"/>-th, so they differ.</summary>
    public string EnumValue(SpecSchema schema, string member, int index)
    {
        var values = schema.EnumValues;
        if (values.Count == 0)
        {
            throw new InvalidOperationException($"{_operationId}: {member} has an empty enum.");
        }

        return values[index % values.Count];
    }

    /// <summary>A whole number inside the schema's range, different for each member of the call where the range allows.</summary>
    public long Integer(SpecSchema schema)
    {
        var low = schema.Minimum is { } minimum ? (long)Math.Ceiling(minimum) + (schema.ExclusiveMinimum ? 1 : 0) : 1;
        var high = schema.Maximum is { } maximum ? (long)Math.Floor(maximum) - (schema.ExclusiveMaximum ? 1 : 0) : low + 1000;
        if (high < low)
        {
            throw new InvalidOperationException($"{_operationId}: the integer range {low} to {high} is empty.");
        }

        return low + (_numbers++ % (high - low + 1));
    }

    public double Number(SpecSchema schema)
    {
        var low = schema.Minimum ?? 0;
        var high = schema.Maximum ?? low + 1000;
        var value = low + 0.5 + _numbers++;
        return value < high ? value : (low + high) / 2;
    }

    public static bool Fits(SpecSchema schema, string value)
    {
        var length = CodePoints(value);
        return length >= (schema.MinLength ?? 0) &&
               length <= (schema.MaxLength ?? int.MaxValue) &&
               (schema.Pattern is not { } pattern || Patterns.GetOrAdd(pattern, Compile).IsMatch(value)) &&
               (schema.Kind != SchemaKind.Enum || schema.EnumValues.Contains(value));
    }

    /// <summary>The pattern as ECMAScript reads it; one that .NET's ECMAScript mode cannot take, in .NET's own syntax.</summary>
    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return new Regex(pattern, RegexOptions.None, MatchTimeout);
        }
    }

    private static int CodePoints(string value) => value.Count(c => !char.IsLowSurrogate(c));

    /// <summary>
    /// A path value may not hold a separator or be a dot segment; headers take printable ASCII only. Everything
    /// else goes: the first candidates hold a space, so percent-encoding is exercised where the spec lets them in.
    /// </summary>
    private static bool Allowed(string value, ValuePlace place) => place switch
    {
        ValuePlace.Path => value.Length > 0 && value != "." && value != ".." && value.IndexOfAny(new[] { '/', '\\' }) < 0 && !value.Any(char.IsControl),
        ValuePlace.Header => value.All(c => c is >= ' ' and <= '~'),
        ValuePlace.Query => true,
        ValuePlace.Body => true,
        _ => throw new ArgumentOutOfRangeException(nameof(place), place, null),
    };

    /// <summary>Round after round of one string per shape the spec's patterns ask for, numbered so no two are equal.</summary>
    private static IEnumerable<string> Candidates()
    {
        for (var n = 1; n <= CandidateRounds; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            yield return "v" + number + " x";
            yield return "v" + number;
            yield return number;
            yield return "value" + n.ToString("D4", CultureInfo.InvariantCulture);
            yield return Hex(n, 24);
            yield return Hex(n, 40);
            yield return Hex(n, 64);
            yield return "d" + number + ".example.com";
            yield return "$oc/broadcast/t" + number;
        }
    }

    private static string Hex(int n, int length) => n.ToString("x", CultureInfo.InvariantCulture).PadLeft(length, 'a');
}
