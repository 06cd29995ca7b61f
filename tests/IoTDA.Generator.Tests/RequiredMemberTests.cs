using System;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Nulls;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/nulls.openapi.yaml</c>: an answer that lacks a member
/// the spec requires is an error naming it, not a model with that member unset; a <c>writeOnly</c> member is never
/// expected back, and a <c>readOnly</c> one is not asked of a request.
/// </summary>
public class RequiredMemberTests
{
    private const string Complete = """{"id":7,"name":"ann","owner":{"title":"t"},"roles":[],"nickname":null}""";

    private static (NullsClient Client, StubHandler Handler) Answering(string json)
    {
        var handler = StubHandler.Answering(json);
        return (new NullsClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } }), handler);
    }

    private static Account NewAccount() => new() { Name = "ann", Password = "secret", Owner = new Milestone(), Nickname = null };

    [Fact]
    public async Task An_answer_with_every_required_member_but_the_writeOnly_one_reads()
    {
        var (client, _) = Answering(Complete);

        var account = await client.CreateAccountAsync(NewAccount());

        Assert.Equal((7L, "ann", "t"), (account.Id!.Value, account.Name, account.Owner.Title));
        Assert.Null(account.Nickname);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("owner")]
    [InlineData("roles")]
    [InlineData("nickname")]
    public async Task An_answer_without_a_required_member_is_an_error_that_names_it(string member)
    {
        using var complete = System.Text.Json.JsonDocument.Parse(Complete);
        var without = "{" + string.Join(",", System.Linq.Enumerable.Select(
            System.Linq.Enumerable.Where(complete.RootElement.EnumerateObject(), p => p.Name != member), p => p.ToString())) + "}";
        var (client, _) = Answering(without);

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.CreateAccountAsync(NewAccount()));

        Assert.Contains("The JSON for Account has no '" + member + "' member, which the spec requires.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_leaves_the_readOnly_member_out_unless_it_was_set()
    {
        var (client, handler) = Answering(Complete);

        await client.CreateAccountAsync(NewAccount());

        Assert.Equal("""{"name":"ann","password":"secret","owner":{},"roles":[],"nickname":null}""", handler.Requests[0].Body);
        Assert.Null(typeof(Account).GetProperty(nameof(Account.Id))!.GetValue(new Account()));
    }
}
