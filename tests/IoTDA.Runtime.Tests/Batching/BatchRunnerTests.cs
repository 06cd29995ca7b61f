using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Batching;

/// <summary>The loop behind every generated <c>...InBatchesAsync</c>, driven with a fake operation.</summary>
public class BatchRunnerTests
{
    private static readonly BatchShape<Answer, Failure> Shape = new(
        "target_ids", 2, a => a.Done, a => a.Failed, f => f.Id, f => f.Code, f => f.Message, f => new Failure(f.Id, f.Code, f.Message));

    [Fact]
    public async Task A_batch_rejected_as_a_whole_fails_its_ids_and_the_next_batch_still_runs()
    {
        var sent = new List<string[]>();
        var progress = new List<BatchProgress>();
        var result = await BatchRunner.RunAsync(
            new[] { "a", "b", "a", "c", "d", "e" },
            Shape,
            (batch, _) =>
            {
                sent.Add(batch.ToArray());
                return batch[0] switch
                {
                    "a" => Task.FromResult(new Answer("first", new[] { "a" }, new[] { new Failure("b", "E1", "no") })),
                    "c" => throw new IoTDAApiException("rejected", HttpStatusCode.BadRequest, "IOTDA.000006", "bad batch", null, null),
                    _ => throw new IoTDAApiException("rejected", HttpStatusCode.ServiceUnavailable, null, null, null, null),
                };
            },
            (first, succeeded, failed) => new Answer(first?.Label ?? "none", succeeded.ToArray(), failed.ToArray()),
            null,
            new SynchronousProgress(progress.Add),
            CancellationToken.None);

        Assert.Equal(new[] { "a,b", "c,d", "e" }, sent.Select(b => string.Join(",", b)));
        Assert.Equal("first", result.Label);
        Assert.Equal(new[] { "a" }, result.Done);
        Assert.Equal(new[] { "b:E1", "c:IOTDA.000006", "d:IOTDA.000006", "e:503" }, result.Failed.Select(f => f.Id + ":" + f.Code));
        Assert.Equal("bad batch", result.Failed[1].Message);
        Assert.Equal(new[] { 1, 2, 3 }, progress.Select(p => p.CompletedBatches));
        Assert.Equal(5, progress[^1].TotalItems);
    }

    [Fact]
    public async Task Missing_ids_are_named_by_their_wire_name_and_nothing_is_sent()
    {
        var calls = 0;
        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => BatchRunner.RunAsync(
            null!,
            Shape,
            (_, _) => { calls++; return Task.FromResult(new Answer("", Array.Empty<string>(), Array.Empty<Failure>())); },
            (first, _, _) => first!,
            null,
            null,
            CancellationToken.None));

        Assert.Equal("target_ids", exception.ParamName);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Cancellation_stops_before_the_next_batch()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BatchRunner.RunAsync(
            new[] { "a", "b", "c" },
            Shape,
            (batch, _) =>
            {
                calls++;
                cancellation.Cancel();
                return Task.FromResult(new Answer("", batch.ToArray(), Array.Empty<Failure>()));
            },
            (first, _, _) => first!,
            null,
            null,
            cancellation.Token));

        Assert.Equal(1, calls);
    }

    private sealed record Answer(string Label, IReadOnlyList<string> Done, IReadOnlyList<Failure> Failed);

    private sealed record Failure(string? Id, string? Code, string? Message);

    /// <summary>Reports at once, on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
