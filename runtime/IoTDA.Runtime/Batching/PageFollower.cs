using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>Runs a generated <c>...AllAsync</c> method: follows the paging marker from page to page.</summary>
public static class PageFollower
{
    /// <summary>
    /// Yields the items of every page, fetching the next page only when the caller has taken the previous one. Stops
    /// after a page that is empty, that carries no next marker, or whose next marker is the one it was fetched with.
    /// </summary>
    /// <param name="fetchPage">Fetches the page after a marker; the marker is null for the first page.</param>
    /// <param name="items">Reads a page's items.</param>
    /// <param name="nextMarker">Reads the marker of the page after it.</param>
    /// <param name="cancellationToken">Cancels the fetch under way and stops the enumeration.</param>
    public static async IAsyncEnumerable<TItem> FollowAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, string?> nextMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fetchPage is null || items is null || nextMarker is null)
        {
            throw new ArgumentNullException(fetchPage is null ? nameof(fetchPage) : items is null ? nameof(items) : nameof(nextMarker));
        }

        string? marker = null;
        while (true)
        {
            var page = await fetchPage(marker, cancellationToken).ConfigureAwait(false);
            var pageItems = items(page);
            foreach (var item in pageItems)
            {
                yield return item;
            }

            var next = nextMarker(page);
            if (pageItems.Count == 0 || string.IsNullOrEmpty(next) || next == marker)
            {
                yield break;
            }

            marker = next;
        }
    }
}
