using System;
using System.Linq;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>The runtime helpers generated code relies on, at their edges.</summary>
public class RuntimeSupportTests
{
    [Fact]
    public void Exclusive_and_open_ranges_are_described_in_the_message()
    {
        var exclusive = Assert.Throws<ArgumentException>(() => IoTDAValidation.Range(0, "depth", 0, 10, true, true));
        Assert.StartsWith("depth is 0; the API accepts more than 0 and less than 10.", exclusive.Message);

        var open = Assert.Throws<ArgumentException>(() => IoTDAValidation.Range(-1, "node_id", 1, null, false, false));
        Assert.StartsWith("node_id is -1; the API accepts at least 1.", open.Message);

        IoTDAValidation.Range(null, "limit", 1, 50, false, false);
        IoTDAValidation.Range(50, "limit", 1, 50, false, false);
        Assert.Throws<ArgumentException>(() => IoTDAValidation.Range(double.NaN, "limit", 1, 50, false, false));
    }

    [Fact]
    public void Patterns_are_unanchored_ECMAScript_with_a_fallback_for_unicode_classes()
    {
        IoTDAValidation.Pattern("xx-abc-yy", "name", "abc");
        Assert.Throws<ArgumentException>(() => IoTDAValidation.Pattern("é", "name", "^\\w+$"));
        IoTDAValidation.Pattern("é", "name", "^\\p{L}+$");
        IoTDAValidation.Pattern(null, "name", "^a$");
    }

    [Fact]
    public void A_pattern_that_backtracks_too_long_rejects_the_value_instead_of_hanging()
    {
        var exception = Assert.Throws<ArgumentException>(() => IoTDAValidation.Pattern(new string('a', 40) + "!", "name", "^(a+)+$"));

        Assert.Contains("could not be checked against the pattern ^(a+)+$", exception.Message);
    }

    [Fact]
    public void Lengths_count_code_points_and_a_lone_surrogate_as_one()
    {
        Assert.Equal(3, IoTDAValidation.CountCodePoints("a\U0001F600b"));
        Assert.Equal(2, IoTDAValidation.CountCodePoints("a\uD800"));
        var tooShort = Assert.Throws<ArgumentException>(() => IoTDAValidation.MinLength("ab", "app_id", 3));
        Assert.StartsWith("app_id 'ab' is 2 characters long; the API needs at least 3.", tooShort.Message);
    }

    [Fact]
    public void Long_values_are_cut_in_messages()
    {
        var exception = Assert.Throws<ArgumentException>(() => IoTDAValidation.AllowedValues(new string('x', 100), "target_type", "device", "product", "app"));

        Assert.StartsWith("'" + new string('x', 64) + "...' is not a valid target_type; expected device, product or app.", exception.Message);
    }

    [Fact]
    public void The_batch_collector_keeps_input_order_drops_duplicates_and_rejects_null_ids()
    {
        var collector = new BatchCollector(new[] { "c", "a", "c", "b", "a", "d" }, 3);

        Assert.Equal(new[] { new[] { "c", "a", "b" }, new[] { "d" } }, collector.Batches.Select(b => b.ToArray()));
        Assert.Equal(4, collector.TotalItems);
        Assert.Throws<ArgumentException>(() => new BatchCollector(new[] { "a", null! }, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchCollector(new[] { "a" }, 0));
    }

    [Fact]
    public void A_failure_report_wins_over_a_success_report_for_the_same_id()
    {
        var collector = new BatchCollector(new[] { "a", "b" }, 2);

        collector.AddResult(collector.Batches[0], new[] { "a", "b" }, new[] { ("b", "E1", "bad") }, f => f.Item1, f => f.Item2, f => f.Item3);

        Assert.Equal(new[] { "a" }, collector.Succeeded);
        var failure = Assert.Single(collector.Failed);
        Assert.Equal(("b", "E1", "bad"), (failure.Id, failure.Code, failure.Message));
        Assert.Equal((1, 1, 2, 2, 1, 1), (collector.Progress().CompletedBatches, collector.Progress().TotalBatches, collector.Progress().CompletedItems, collector.Progress().TotalItems, collector.Progress().SucceededItems, collector.Progress().FailedItems));
    }
}
