using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Threading;
using IoTDA.Runtime;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// One compilation's patterns and what they said about each value. Many members carry the same pattern (an ID
/// format) and many call sites write the same value, so each pattern is compiled once and each (pattern, value) run
/// once. A pattern that ran out of time on one value is taken to be catastrophic for the others too: without that, a
/// `^(a+)+$` costs the full timeout at every call site.
/// </summary>
internal sealed class CompiledPatterns
{
    /// <summary>One match may take this long before the value counts as unknown and is left alone.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Results kept per compilation: far more than the distinct literals of a large project, and a bound on memory for
    /// a generated file of millions; past it a value is matched again at each call site.
    /// </summary>
    private const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Pattern> _byPattern = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Pattern, string Text), bool> _results = new();
    private readonly int _capacity;
    private int _kept;
    private int _evaluations;

    public CompiledPatterns()
        : this(DefaultCapacity)
    {
    }

    internal CompiledPatterns(int capacity) => _capacity = capacity;

    /// <summary>How many times a regular expression ran against a value: what the caches save is counted here.</summary>
    internal int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>Null when the pattern cannot be compiled or has timed out on some value: then nothing is known.</summary>
    public bool? Matches(string pattern, string text)
    {
        var compiled = _byPattern.GetOrAdd(pattern, static pattern => new Pattern(SpecPattern.TryCreate(pattern, MatchTimeout)));
        if (compiled.Regex is not { } regex || compiled.TimedOut)
        {
            return null;
        }

        var key = (pattern, text);
        if (_results.TryGetValue(key, out var known))
        {
            return known;
        }

        Interlocked.Increment(ref _evaluations);
        bool matches;
        try
        {
            matches = regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            compiled.TimedOut = true;
            return null;
        }

        if (Volatile.Read(ref _kept) < _capacity && _results.TryAdd(key, matches))
        {
            Interlocked.Increment(ref _kept);
        }

        return matches;
    }

    private sealed class Pattern(Regex? regex)
    {
        // Set by whichever thread saw the timeout; a thread that misses it runs one more match, never a wrong one.
        private volatile bool _timedOut;

        public Regex? Regex { get; } = regex;

        public bool TimedOut
        {
            get => _timedOut;
            set => _timedOut = value;
        }
    }
}
