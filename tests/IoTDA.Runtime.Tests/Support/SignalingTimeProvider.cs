using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>
/// A fake clock that reports every timer created on it, so a test advances time exactly when a back-off or timeout
/// has been scheduled, never by sleeping.
/// </summary>
public sealed class SignalingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Signal only once the timer exists, or the test could advance the clock past a timer not yet armed.
        var timer = new SignalingTimer(Fake.CreateTimer(callback, state, dueTime, period), _timers.Writer);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Timeouts arm their timers with <see cref="ITimer.Change"/> after creating them.</summary>
    private sealed class SignalingTimer(ITimer inner, ChannelWriter<TimeSpan> changes) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            changes.TryWrite(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Waits (up to ten real seconds, for a hung test) for the next timer due sooner than <paramref name="shorterThan"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan shorterThan)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(guard.Token);
            if (due >= TimeSpan.Zero && due < shorterThan)
            {
                return due;
            }
        }
    }
}
