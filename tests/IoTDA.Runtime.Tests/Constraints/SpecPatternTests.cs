using System;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Constraints;

/// <summary>The one reading of a spec's <c>pattern</c>: ECMAScript's, where <c>$</c> is the end of the input.</summary>
public class SpecPatternTests
{
    [Theory]
    [InlineData("^[a-z]+$", "abc", true)]
    [InlineData("^[a-z]+$", "abc\n", false)]
    [InlineData("^[0-9a-fA-F]{24}$", "5c90fa7d3c4e4405e8525079\n", false)]
    [InlineData("^a$|^b$", "b\n", false)]
    [InlineData("^a$|^b$", "b", true)]
    [InlineData(@"^a\$$", "a$", true)]
    [InlineData(@"^a\$$", "a$\n", false)]
    [InlineData(@"^a\\$", @"a\", true)]
    [InlineData("^[$]+$", "$$", true)]
    [InlineData("^[]$]+$", "$]", true)]
    [InlineData("^[^$]+$", "a$", false)]
    [InlineData("x$", "x\ny", false)]
    public void Dollar_anchors_to_the_end_of_the_input(string pattern, string value, bool matches)
    {
        var regex = SpecPattern.TryCreate(pattern, TimeSpan.FromSeconds(1));

        Assert.NotNull(regex);
        Assert.Equal(matches, regex.IsMatch(value));
    }

    [Theory]
    [InlineData(@"^\p{L}+$")]
    [InlineData(@"^(?<=^)[a-z]+$")]
    public void Patterns_only_the_default_engine_reads_anchor_the_same_way(string pattern)
    {
        var regex = SpecPattern.TryCreate(pattern, TimeSpan.FromSeconds(1));

        Assert.NotNull(regex);
        Assert.Matches(regex, "abc");
        Assert.DoesNotMatch(regex, "abc\n");
    }

    [Fact]
    public void Validation_rejects_a_trailing_newline_naming_the_value_and_the_pattern()
    {
        IoTDAValidation.Pattern("5c90fa7d3c4e4405e8525079", "policy_id", "^[0-9a-fA-F]{24}$");

        var exception = Assert.Throws<ArgumentException>(() => IoTDAValidation.Pattern("5c90fa7d3c4e4405e8525079\n", "policy_id", "^[0-9a-fA-F]{24}$"));

        Assert.Equal("policy_id", exception.ParamName);
        Assert.Contains("^[0-9a-fA-F]{24}$", exception.Message, StringComparison.Ordinal);
    }
}
