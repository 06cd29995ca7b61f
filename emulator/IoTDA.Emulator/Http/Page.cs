using System;
using System.Collections.Generic;

namespace IoTDA.Emulator.Http;

/// <summary>What a list call asked for, already checked: records below <see cref="Marker"/>, after <see cref="Offset"/>, at most <see cref="Limit"/>.</summary>
internal readonly record struct PageRequest(int Limit, int Offset, string Marker);

/// <summary>One page of a list sorted newest first.</summary>
internal sealed class Page<T>
{
    public Page(List<T> items, long count, string? marker)
    {
        Items = items;
        Count = count;
        Marker = marker;
    }

    public List<T> Items { get; }

    /// <summary>How many records match the filters in all, whatever the marker, offset and limit.</summary>
    public long Count { get; }

    /// <summary>The last record's ID on this page; null when the page is empty.</summary>
    public string? Marker { get; }
}

internal static class Page
{
    /// <summary>
    /// The page of the records that <paramref name="matches"/>, newest first. Records are kept oldest first with
    /// growing IDs, so newest first is the list read backwards and the marker compares IDs ordinally.
    /// </summary>
    public static Page<T> NewestFirst<T>(IReadOnlyList<T> oldestFirst, Func<T, bool> matches, Func<T, string> id, PageRequest request)
    {
        var items = new List<T>();
        var count = 0;
        var skipped = 0;
        for (var index = oldestFirst.Count - 1; index >= 0; index--)
        {
            var item = oldestFirst[index];
            if (!matches(item))
            {
                continue;
            }

            count++;
            if (items.Count == request.Limit || string.CompareOrdinal(id(item), request.Marker) >= 0)
            {
                continue;
            }

            if (skipped < request.Offset)
            {
                skipped++;
                continue;
            }

            items.Add(item);
        }

        return new Page<T>(items, count, items.Count == 0 ? null : id(items[^1]));
    }
}
