using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Batching;

/// <summary>Batches whose answer never arrived, or arrived unreadable, keep their IDs in the result.</summary>
public class BatchOutcomeTests
{
    private static readonly BatchShape<Answer, Failure> Shape = new(
        "target_ids", 2, a => a.Done, a => a.Failed, f => f.Id, f => f.Code, f => f.Message, f => new Failure(f.Id, f.Code, f.Message));

    private static readonly string[] Ids = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l" };

    [Fact]
    public async Task Every_failure_without_a_usable_answer_marks_its_batch_outcome_unknown_and_the_run_goes_on()
    {
        var sent = new List<string>();

        var result = await Run(
            Ids,
            (batch, _) =>
            {
                sent.AddRange(batch);
                return batch[0] switch
                {
                    "a" => Answered(batch),
                    "c" => throw new IoTDAException("The response body is not JSON."),
                    "e" => throw new TimeoutException("The attempt timed out."),
                    "g" => throw new HttpRequestException("The connection was reset."),
                    "i" => throw new IOException("The response ended prematurely."),
                    _ => throw new TaskCanceledException("The HttpClient's own timeout elapsed."),
                };
            },
            new IoTDAClientOptions(),
            CancellationToken.None);

        Assert.Equal(Ids, sent);
        Assert.Equal(new[] { "a", "b" }, result.Done);
        Assert.Equal(Ids.Skip(2), result.Failed.Select(f => f.Id));
        Assert.All(result.Failed, f => Assert.Equal(BatchCollector.OutcomeUnknownErrorCode, f.Code));
        Assert.All(result.Failed, f => Assert.StartsWith(BatchCollector.OutcomeUnknownErrorMessage, f.Message, StringComparison.Ordinal));
        Assert.Contains("TimeoutException: The attempt timed out.", result.Failed.Single(f => f.Id == "e").Message, StringComparison.Ordinal);
        Assert.Contains("may have been applied", BatchCollector.OutcomeUnknownErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_option_stops_at_the_first_unknown_outcome_and_the_ids_never_sent_fail_as_not_sent()
    {
        var calls = 0;

        var result = await Run(
            Ids,
            (batch, _) => ++calls == 2 ? throw new IoTDAException("The response body is HTML.") : Answered(batch),
            new IoTDAClientOptions { StopBatchesAtUnknownOutcome = true },
            CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(new[] { "a", "b" }, result.Done);
        Assert.Equal(new[] { "c:" + BatchCollector.OutcomeUnknownErrorCode, "d:" + BatchCollector.OutcomeUnknownErrorCode }, result.Failed.Take(2).Select(f => f.Id + ":" + f.Code));
        Assert.Equal(Ids.Skip(4), result.Failed.Skip(2).Select(f => f.Id));
        Assert.All(result.Failed.Skip(2), f => Assert.Equal((BatchCollector.NotSentErrorCode, BatchCollector.NotSentErrorMessage), (f.Code, f.Message)));
    }

    [Fact]
    public async Task A_rejected_batch_is_a_known_outcome_and_does_not_stop_the_run_even_with_the_option()
    {
        var calls = 0;

        var result = await Run(
            Ids.Take(4),
            (_, _) => ++calls == 1 ? throw new IoTDAApiException("rejected", System.Net.HttpStatusCode.BadRequest, "IOTDA.000006", "bad", null, null) : Task.FromResult(new Answer(new[] { "c", "d" }, Array.Empty<Failure>())),
            new IoTDAClientOptions { StopBatchesAtUnknownOutcome = true },
            CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(new[] { "c", "d" }, result.Done);
        Assert.Equal(new[] { "a:IOTDA.000006", "b:IOTDA.000006" }, result.Failed.Select(f => f.Id + ":" + f.Code));
    }

    [Fact]
    public async Task Cancellation_during_a_batch_throws_with_a_partial_result_that_names_every_id()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;

        var exception = await Assert.ThrowsAsync<BatchCanceledException>(() => Run(
            Ids.Take(6),
            (batch, token) =>
            {
                if (++calls == 2)
                {
                    cancellation.Cancel();
                    token.ThrowIfCancellationRequested();
                }

                return Answered(batch);
            },
            null,
            cancellation.Token));

        var partial = exception.GetPartialResult<Answer>();
        Assert.Same(partial, exception.PartialResult);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.Equal(new[] { "a", "b" }, partial.Done);
        Assert.Equal(
            new[] { "c", "d" }.Select(id => id + ":" + BatchCollector.OutcomeUnknownErrorCode).Concat(new[] { "e", "f" }.Select(id => id + ":" + BatchCollector.NotSentErrorCode)),
            partial.Failed.Select(f => f.Id + ":" + f.Code));
        Assert.Equal((1, 3), (exception.Progress.CompletedBatches, exception.Progress.TotalBatches));
        Assert.Throws<InvalidCastException>(() => exception.GetPartialResult<string>());
    }

    [Fact]
    public async Task Cancellation_between_batches_leaves_the_rest_not_sent()
    {
        using var cancellation = new CancellationTokenSource();

        var exception = await Assert.ThrowsAsync<BatchCanceledException>(() => Run(
            Ids.Take(4),
            (batch, _) =>
            {
                cancellation.Cancel();
                return Answered(batch);
            },
            null,
            cancellation.Token));

        var partial = exception.GetPartialResult<Answer>();
        Assert.Equal(new[] { "a", "b" }, partial.Done);
        Assert.Equal(new[] { "c", "d" }, partial.Failed.Select(f => f.Id));
        Assert.All(partial.Failed, f => Assert.Equal(BatchCollector.NotSentErrorCode, f.Code));
    }

    private static Task<Answer> Run(IEnumerable<string> ids, Func<IReadOnlyList<string>, CancellationToken, Task<Answer>> send, IoTDAClientOptions? options, CancellationToken cancellationToken) =>
        BatchRunner.RunAsync(ids, Shape, send, (_, succeeded, failed) => new Answer(succeeded.ToArray(), failed.ToArray()), options, null, cancellationToken);

    private static Task<Answer> Answered(IReadOnlyList<string> batch) => Task.FromResult(new Answer(batch.ToArray(), Array.Empty<Failure>()));

    private sealed record Answer(IReadOnlyList<string> Done, IReadOnlyList<Failure> Failed);

    private sealed record Failure(string? Id, string? Code, string? Message);
}
