using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Batching;

/// <summary>IDs that cannot be sent as the caller wrote them are refused before any batch goes out.</summary>
public class BatchIdTests
{
    private static readonly BatchShape<string[], string> Shape = new(
        "target_ids", 2, a => a, _ => Array.Empty<string>(), f => f, f => f, f => f, f => f.Id);

    [Theory]
    [InlineData(null, "target_ids[2] is null")]
    [InlineData("", "target_ids[2] is empty")]
    [InlineData(" \t", "target_ids[2] is ' \t', only whitespace")]
    public async Task An_id_that_cannot_be_sent_is_named_by_wire_name_and_index_and_nothing_is_sent(string? bad, string expected)
    {
        await AssertRejected(bad, expected);
    }

    // Built in code: an attribute argument stores its string as UTF-8, which would turn the lone surrogates into U+FFFD.
    [Fact]
    public async Task An_id_with_a_lone_surrogate_is_refused_with_the_surrogate_escaped()
    {
        await AssertRejected("dev" + (char)0xD800, @"target_ids[2] 'dev\uD800' has a lone UTF-16 surrogate at position 3");
        await AssertRejected((char)0xDC00 + "dev", @"target_ids[2] '\uDC00dev' has a lone UTF-16 surrogate at position 0");
        await AssertRejected("a" + (char)0xDC00 + (char)0xD800 + "b", "has a lone UTF-16 surrogate at position 1");
    }

    [Fact]
    public async Task Surrogate_pairs_and_ids_with_inner_spaces_are_sent_as_given()
    {
        var sent = new List<string>();

        var result = await BatchRunner.RunAsync(
            new[] { "dev_\uD83D\uDE00", "a b" },
            Shape,
            (batch, _) => { sent.AddRange(batch); return Task.FromResult(batch.ToArray()); },
            (_, succeeded, _) => succeeded.ToArray(),
            null,
            null,
            CancellationToken.None);

        Assert.Equal(new[] { "dev_\uD83D\uDE00", "a b" }, sent);
        Assert.Equal(sent, result);
    }

    [Fact]
    public void The_collector_on_its_own_names_its_own_parameter()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BatchCollector(new[] { "a", " " }, 2));

        Assert.Equal("ids", exception.ParamName);
        Assert.StartsWith("ids[1] is ' ', only whitespace", exception.Message, StringComparison.Ordinal);
    }

    private static async Task AssertRejected(string? bad, string expected)
    {
        var calls = 0;

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => BatchRunner.RunAsync(
            new[] { "a", "b", bad!, "c" },
            Shape,
            (batch, _) => { calls++; return Task.FromResult(batch.ToArray()); },
            (_, succeeded, _) => succeeded.ToArray(),
            null,
            null,
            CancellationToken.None));

        Assert.Equal("target_ids", exception.ParamName);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }
}
