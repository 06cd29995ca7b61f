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
    /// A next marker that an earlier page already gave (the service's markers run in a cycle), or one the operation
    /// refuses as an argument, ends the enumeration with an <see cref="IoTDAException"/>.
    /// </summary>
    /// <param name="operationId">The operation's ID, named in those errors.</param>
    /// <param name="fetchPage">Fetches the page after a marker; the marker is null for the first page.</param>
    /// <param name="items">Reads a page's items.</param>
    /// <param name="nextMarker">Reads the marker of the page after it.</param>
    /// <param name="cancellationToken">Cancels the fetch under way and stops the enumeration.</param>
    public static async IAsyncEnumerable<TItem> FollowAsync<TPage, TItem>(
        string operationId,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, string?> nextMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (operationId is null || fetchPage is null || items is null || nextMarker is null)
        {
            throw new ArgumentNullException(
                operationId is null ? nameof(operationId) : fetchPage is null ? nameof(fetchPage) : items is null ? nameof(items) : nameof(nextMarker));
        }

        string? marker = null;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await FetchAsync(operationId, fetchPage, marker, cancellationToken).ConfigureAwait(false);
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

            if (!followed.Add(next!))
            {
                throw new IoTDAException(
                    $"{operationId}: the service returned the paging marker '{ConstraintWording.Echo(next!)}' a second time; " +
                    "the marker repeated, so following it would list the same pages forever.");
            }

            marker = next;
        }
    }

    /// <summary>
    /// Every argument but the marker was checked on the first page, so an argument error on a later page is about a
    /// marker the service wrote, not about anything the caller passed.
    /// </summary>
    private static async Task<TPage> FetchAsync<TPage>(
        string operationId,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        string? marker,
        CancellationToken cancellationToken)
    {
        try
        {
            return await fetchPage(marker, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException exception) when (marker is not null)
        {
            throw new IoTDAException(
                $"{operationId}: the service returned the paging marker '{ConstraintWording.Echo(marker)}', a marker the API would reject: {exception.Message}",
                exception);
        }
    }
}
