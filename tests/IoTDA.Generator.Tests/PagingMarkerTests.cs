using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>The generated <c>...AllAsync</c> methods when the service's paging markers cannot be trusted.</summary>
public class PagingMarkerTests
{
    private const int CallCap = 10;

    [Fact]
    public async Task A_marker_the_service_repeats_after_another_stops_the_enumeration_naming_operation_and_marker()
    {
        var handler = new StubHandler((_, call) => call > CallCap
            ? throw new InvalidOperationException($"Still following markers after {CallCap} pages.")
            : PolicyPage(call, (call % 2 == 1 ? "a" : "b") + new string('a', 23)));
        var seen = new List<string?>();

        var exception = await Assert.ThrowsAsync<IoTDAException>(async () =>
        {
            await foreach (var policy in handler.CreateClient().ListDevicePoliciesAllAsync())
            {
                seen.Add(policy.PolicyId);
            }
        });

        Assert.Equal(new[] { "1", "2", "3" }, seen);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("ListDevicePolicies", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'aaaaaaaaaaaaaaaaaaaaaaaa'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("repeated", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marker_the_api_would_reject_is_the_service_s_fault_not_an_argument_error()
    {
        var handler = StubHandler.Answering("""{"targets":[{"target_type":"device","target_id":"d1"}],"page":{"marker":"not-a-marker\n"}}""");

        var exception = await Assert.ThrowsAsync<IoTDAException>(async () =>
        {
            await foreach (var _ in handler.CreateClient().ShowTargetsInDevicePolicyAllAsync("5c90fa7d3c4e4405e8525079"))
            {
            }
        });

        Assert.Single(handler.Requests);
        Assert.Contains("ShowTargetsInDevicePolicy", exception.Message, StringComparison.Ordinal);
        Assert.Contains("marker the API would reject", exception.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(exception.InnerException);
    }

    private static HttpResponseMessage PolicyPage(int call, string marker) =>
        StubHandler.Json(HttpStatusCode.OK, $$$"""{"policies":[{"policy_id":"{{{call}}}"}],"page":{"marker":"{{{marker}}}"}}""");
}
