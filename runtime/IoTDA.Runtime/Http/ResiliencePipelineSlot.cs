using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace IoTDA.Runtime;

/// <summary>
/// A client's pipeline, which the first client of a process builds on a pool thread. That first build costs tens
/// of milliseconds (Polly's code is compiled just in time, and Polly checks its options by reflection), all of it
/// start-up time a short-lived program waits for; built beside the caller's own first request (its body, its
/// signing key, the HTTP stack) it mostly stops adding to it. Once one is built the rest take microseconds and are
/// built inline, so a client made per request never waits on a pool thread.
/// </summary>
internal sealed class ResiliencePipelineSlot
{
    private static int s_oneBuilt;

    private readonly Task<ResiliencePipeline<AttemptResult>>? _build;
    private ResiliencePipeline<AttemptResult>? _pipeline;

    internal ResiliencePipelineSlot(Func<ResiliencePipeline<AttemptResult>> build)
    {
        if (Volatile.Read(ref s_oneBuilt) != 0)
        {
            _pipeline = build();
            return;
        }

        _build = Task.Run(() =>
        {
            var pipeline = build();
            Volatile.Write(ref s_oneBuilt, 1);
            return pipeline;
        });

        // A client that is never called never awaits its build: its failure is observed here, and the first call
        // (if any) rethrows it.
        _build.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The pipeline, waiting for its build only on the first calls of the first client.</summary>
    internal ValueTask<ResiliencePipeline<AttemptResult>> GetAsync() =>
        _pipeline is { } built ? new(built) : new(AwaitBuildAsync());

    private async Task<ResiliencePipeline<AttemptResult>> AwaitBuildAsync() =>
        _pipeline = await _build!.ConfigureAwait(false);
}
