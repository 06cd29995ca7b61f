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
            "ListThings",
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
            "ListThings",
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

    [Theory]
    [InlineData("m1,m2,m1")]
    [InlineData("m1,m2,m3,m2")]
    public async Task A_marker_repeated_from_any_earlier_page_ends_with_an_error_naming_operation_and_marker(string markers)
    {
        var next = markers.Split(',');
        var fetched = 0;

        var exception = await Assert.ThrowsAsync<IoTDAException>(() => Collect(PageFollower.FollowAsync(
            "ListThings",
            (_, _) => fetched < 10 ? Task.FromResult(new Page(new[] { "x" }, next[fetched++])) : throw new InvalidOperationException("Still following after 10 pages."),
            page => page.Items,
            page => page.Next)));

        Assert.Equal(next.Length, fetched);
        Assert.Equal($"ListThings: the service returned the paging marker '{next[^1]}' a second time; the marker repeated, so following it would list the same pages forever.", exception.Message);
    }

    [Fact]
    public async Task An_argument_error_for_a_served_marker_is_the_service_s_fault_but_one_for_the_first_page_is_the_caller_s()
    {
        static Task<Page> Fetch(string? marker) =>
            marker == "bad" ? throw new ArgumentException("marker 'bad' does not match the pattern ^[0-9]+$.", "marker") : Task.FromResult(new Page(new[] { "x" }, "bad"));

        var exception = await Assert.ThrowsAsync<IoTDAException>(() => Collect(PageFollower.FollowAsync("ListThings", (marker, _) => Fetch(marker), page => page.Items, page => page.Next)));
        var callers = await Assert.ThrowsAsync<ArgumentException>(() => Collect(PageFollower.FollowAsync<Page, string>(
            "ListThings", (_, _) => throw new ArgumentException("limit is 0.", "limit"), page => page.Items, page => page.Next)));

        Assert.StartsWith("ListThings: the service returned the paging marker 'bad', a marker the API would reject: marker 'bad'", exception.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(exception.InnerException);
        Assert.Equal("limit", callers.ParamName);
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
