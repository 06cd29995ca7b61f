using System;
using System.Threading;

namespace IoTDA.Runtime;

/// <summary>
/// The last <c>X-Sdk-Date</c> text and the second it names. The text changes once a second while requests go out
/// many times a second, so the requests of one second share one string, as web servers share their Date header.
/// Safe across threads: the pair is one immutable object, swapped whole.
/// </summary>
internal sealed class SdkDateCache
{
    private Entry? _last;

    public string Format(DateTimeOffset time)
    {
        var second = time.UtcTicks / TimeSpan.TicksPerSecond;
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Second == second)
        {
            return last.Text;
        }

        var text = AkSkSigner.FormatSdkDate(time);
        Volatile.Write(ref _last, new Entry(second, text));
        return text;
    }

    private sealed class Entry
    {
        public Entry(long second, string text)
        {
            Second = second;
            Text = text;
        }

        public long Second { get; }

        public string Text { get; }
    }
}
