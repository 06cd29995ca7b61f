using System;
using System.Globalization;

namespace IoTDA.Emulator.State;

/// <summary>
/// 24-hex IDs that grow with time, like the service's: the Unix seconds in the first 8 digits, then random digits
/// (the previous ID plus one when that would not be greater).
/// Each ID is greater than every ID before it, across restarts from a state file too, so "newest first" is
/// "descending ID".
/// </summary>
internal sealed class IdGenerator
{
    private UInt128 _last;

    public void Observe(string id)
    {
        if (UInt128.TryParse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value > _last)
        {
            _last = value;
        }
    }

    public string Next(DateTimeOffset now)
    {
        var seconds = (UInt128)(uint)Math.Clamp(now.ToUnixTimeSeconds(), 0, uint.MaxValue);
        var candidate = (seconds << 64) | (UInt128)(ulong)Random.Shared.NextInt64(0, long.MaxValue);
        _last = candidate > _last ? candidate : _last + 1;
        return _last.ToString("x24", CultureInfo.InvariantCulture);
    }
}
