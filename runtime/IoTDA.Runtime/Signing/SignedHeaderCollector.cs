using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;

namespace IoTDA.Runtime;

/// <summary>
/// Gathers the request headers the official SDKs sign (all but <c>content-type</c> and names with <c>_</c>),
/// sorted, with each value as it goes on the wire.
/// </summary>
internal static class SignedHeaderCollector
{
    /// <returns>A pooled array (return it to <see cref="ArrayPool{T}.Shared"/>) whose first <paramref name="count"/> items are sorted.</returns>
    internal static SignedHeader[] Collect(HttpRequestMessage request, out int count)
    {
        var headers = ArrayPool<SignedHeader>.Shared.Rent(16);
        count = 0;
#if NET
        foreach (var header in request.Headers.NonValidated)
        {
            if (SignedHeader.IsSignedByDefault(header.Key))
            {
                Add(ref headers, ref count, new SignedHeader(header.Key, header.Value.ToString()));
            }
        }
#else
        foreach (var header in request.Headers)
        {
            if (SignedHeader.IsSignedByDefault(header.Key))
            {
                var separator = string.Equals(header.Key, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ";
                Add(ref headers, ref count, new SignedHeader(header.Key, string.Join(separator, header.Value)));
            }
        }
#endif
        SortByLowerCaseName(headers, count);
        return headers;
    }

    /// <summary>
    /// Insertion sort, which is what <see cref="Array.Sort{T}(T[], int, int, IComparer{T})"/> does for this few
    /// items too, minus the delegate it makes from the comparer on every call. A message holds each name once, so
    /// no two items compare equal and the order is the same either way.
    /// </summary>
    private static void SortByLowerCaseName(SignedHeader[] headers, int count)
    {
        const int InsertionSortLimit = 16;
        if (count > InsertionSortLimit)
        {
            Array.Sort(headers, 0, count, SignedHeader.ByLowerCaseName);
            return;
        }

        for (var i = 1; i < count; i++)
        {
            var item = headers[i];
            var j = i - 1;
            while (j >= 0 && SignedHeader.ByLowerCaseName.Compare(headers[j], item) > 0)
            {
                headers[j + 1] = headers[j];
                j--;
            }

            headers[j + 1] = item;
        }
    }

    private static void Add(ref SignedHeader[] headers, ref int count, SignedHeader header)
    {
        if (count == headers.Length)
        {
            var larger = ArrayPool<SignedHeader>.Shared.Rent(headers.Length * 2);
            headers.AsSpan(0, count).CopyTo(larger);
            ArrayPool<SignedHeader>.Shared.Return(headers, clearArray: true);
            headers = larger;
        }

        headers[count++] = header;
    }
}
