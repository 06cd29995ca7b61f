using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using IoTDA.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// <c>{Operation}WithResponseAsync</c> beside each <c>{Operation}Async</c>: the same call, answered with its status,
/// headers and body, and the body read only for the status the spec gives its type.
/// </summary>
public class WithResponseTests
{
    private const string PolicyId = "64a7ba7ef9cb063d27e16b97";
    private const string Policy = """{"policy_id":"64a7ba7ef9cb063d27e16b97","policy_name":"p"}""";

    private static StubHandler Answering(HttpStatusCode status, string? body, string requestId = "r-1") => new((_, _) =>
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        response.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        return response;
    });

    [Fact]
    public async Task The_answer_comes_with_its_status_headers_and_body_and_the_value_read()
    {
        var handler = Answering(HttpStatusCode.OK, Policy);

        var answer = await handler.CreateClient().ShowDevicePolicyWithResponseAsync(PolicyId);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.HasValue);
        Assert.Equal("p", answer.Value!.PolicyName);
        Assert.Equal("r-1", answer.Headers["x-request-id"].Single());
        Assert.Equal("application/json; charset=utf-8", answer.Headers["Content-Type"].Single());
        Assert.Equal(Policy, Encoding.UTF8.GetString(answer.Body.ToArray()));
        Assert.Equal("/v5/iot/project-1/device-policies/" + PolicyId, Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted, """{"job_id":"j-1"}""")]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.OK, " \r\n")]
    public async Task Another_success_status_or_an_empty_body_leaves_the_value_unread_and_the_body_as_it_came(HttpStatusCode status, string? body)
    {
        var answer = await Answering(status, body).CreateClient().ShowDevicePolicyWithResponseAsync(PolicyId);

        Assert.Equal(status, answer.StatusCode);
        Assert.False(answer.HasValue);
        Assert.Null(answer.Value);
        Assert.Equal(body ?? "", Encoding.UTF8.GetString(answer.Body.ToArray()));
    }

    [Fact]
    public async Task Every_success_status_the_spec_gives_the_type_reads_the_value()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, """{"petType":"dog","bark":"woof"}"""));
        var client = new Polymorphism.PolymorphismClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } });

        var answer = await client.AddPetWithResponseAsync(new Polymorphism.Dog());

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("woof", Assert.IsType<Polymorphism.Dog>(answer.Value).Bark);
    }

    [Fact]
    public void An_answer_can_be_made_by_hand_for_a_test_double()
    {
        var headers = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>> { ["X-Request-Id"] = new[] { "r" } };

        var answer = new IoTDAResponse<string>(HttpStatusCode.OK, headers, Encoding.UTF8.GetBytes("\"v\""), "v", hasValue: true);

        Assert.Equal("v", answer.Value);
        Assert.Equal("r", answer.Headers["X-Request-Id"][0]);
    }

    [Fact]
    public async Task An_operation_without_a_body_answers_with_its_status_and_headers()
    {
        var answer = await Answering(HttpStatusCode.NoContent, null, "r-2").CreateClient().DeleteDevicePolicyWithResponseAsync(PolicyId);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("r-2", answer.Headers["X-Request-Id"].Single());
    }

    [Fact]
    public async Task An_error_status_is_still_an_IoTDAApiException()
    {
        var error = await Assert.ThrowsAsync<IoTDAApiException>(() =>
            Answering(HttpStatusCode.NotFound, """{"error_code":"IOTDA.014000","error_msg":"gone"}""").CreateClient().ShowDevicePolicyWithResponseAsync(PolicyId));

        Assert.Equal("IOTDA.014000", error.ErrorCode);
    }

    [Fact]
    public void An_operation_the_spec_names_like_another_ones_WithResponse_method_keeps_its_name()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Names, version: "1"}
            paths:
              /a:
                get:
                  operationId: getPet
                  responses: {"204": {description: ok}}
              /b:
                get:
                  operationId: getPetWithResponse
                  responses: {"204": {description: ok}}
            """;

        var (run, output) = GeneratorHarness.Run(new SpecInput("/specs/names.yaml", spec, "Names", "NamesClient"));

        var client = output.GetTypeByMetadataName("Names.NamesClient")!;
        var methods = client.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name).ToArray();
        Assert.Contains("GetPetWithResponseAsync", methods);
        Assert.Contains("GetPetWithResponse2Async", methods);
        Assert.Contains("GetPetWithResponseWithResponseAsync", methods);
        Assert.Contains(run.Diagnostics, d => d.Id == "IOTDA106" && d.GetMessage().Contains("GetPetWithResponse2"));
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }
}
