using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IoTDA.Runtime;
using Microsoft.CodeAnalysis;

namespace IoTDA.Analyzers.Rules;

/// <summary><c>pattern</c>: a known string the spec's pattern does not match, read as the runtime reads it.</summary>
internal sealed class PatternRule(string pattern, PatternRule.CompiledPatterns compiled) : MemberRule
{
    /// <summary>Reads <c>[PatternConstraint(name, pattern)]</c>.</summary>
    public static MemberRule? Read(AttributeData attribute, CompiledPatterns compiled) =>
        AttributeArguments.String(attribute, 1) is { } pattern ? new PatternRule(pattern, compiled) : null;

    public override void Check(FlowingValue value)
    {
        if (value.TryGetString(out var written, out var text) && compiled.Matches(pattern, text) == false)
        {
            value.Report(DiagnosticDescriptors.PatternMismatch, written, null, value.MemberName, ConstraintWording.Echo(text), pattern);
        }
    }

    /// <summary>
    /// One compilation's patterns, each compiled on its first match and kept: many members carry the same pattern (an
    /// ID format), and a compilation checks many values.
    /// </summary>
    internal sealed class CompiledPatterns
    {
        /// <summary>One match may take this long before the value counts as unknown and is left alone.</summary>
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

        private readonly ConcurrentDictionary<string, Regex?> _byPattern = new(StringComparer.Ordinal);

        /// <summary>Null when the pattern cannot be compiled or the match times out: then nothing is known.</summary>
        public bool? Matches(string pattern, string text)
        {
            if (_byPattern.GetOrAdd(pattern, static pattern => SpecPattern.TryCreate(pattern, MatchTimeout)) is not { } regex)
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
    }
}
