using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Runtime.Tests.Batching;

/// <summary>The loop behind every generated <c>...AllAsync</c>, driven with fake pages.</summary>
public class PageFollowerTests
{
    [Theory]
    [InlineData("empty page", "a,b|c|d", "a,b,c", "-,m1,m2")]
    [InlineData("no next marker", "a|b", "a,b", "-,m1")]
    [InlineData("same marker again", "a|b|c", "a,b", "-,m1")]
    public async Task Pages_are_followed_until_the_service_says_there_is_no_more(string stop, string pages, string expectedItems, string expectedMarkers)
    {
        var pageItems = pages.Split('|').Select(p => p.Split(',')).ToArray();
        var markers = new List<string>();
        var items = await Collect(PageFollower.FollowAsync(
            (marker, _) =>
            {
                markers.Add(marker ?? "-");
                var index = markers.Count - 1;
                var next = stop switch
                {
                    "empty page" => index == 2 ? "m9" : "m" + (index + 1),
                    "no next marker" => index == 1 ? null : "m" + (index + 1),
                    _ => "m1",
                };
                var itemsOnPage = stop == "empty page" && index == 2 ? Array.Empty<string>() : pageItems[index];
                return Task.FromResult(new Page(itemsOnPage, next));
            },
            page => page.Items,
            page => page.Next));

        Assert.Equal(expectedItems.Split(','), items);
        Assert.Equal(expectedMarkers.Split(','), markers);
    }

    [Fact]
    public async Task A_token_given_when_enumerating_reaches_the_page_fetch()
    {
        using var cancellation = new CancellationTokenSource();
        var pages = PageFollower.FollowAsync(
            (_, token) =>
            {
                cancellation.Cancel();
                token.ThrowIfCancellationRequested();
                return Task.FromResult(new Page(new[] { "a" }, "m1"));
            },
            page => page.Items,
            page => page.Next);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pages.WithCancellation(cancellation.Token))
            {
            }
        });
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> items)
    {
        var list = new List<string>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed record Page(IReadOnlyList<string> Items, string? Next);
}
