using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Nulls;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/nulls.openapi.yaml</c>: a member is sent when the
/// caller assigned it, as JSON null where the spec lets it be null and as <c>[]</c> when an empty collection was
/// assigned; a member never assigned is left out.
/// </summary>
public class NullTests
{
    private const string Stored = """{"title":"t","assignee":null,"tags":[]}""";

    private static async Task<JsonElement> SentBody(IssueUpdate update)
    {
        var handler = StubHandler.Answering(Stored);
        var client = new NullsClient(new HttpClient(handler), new IoTDAClientOptions
        {
            Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
            Retry = { MaxRetries = 0 },
        });
        await client.UpdateIssueAsync(7, update);
        using var document = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Members_never_assigned_are_left_out_and_required_nullable_members_are_always_sent()
    {
        var body = await SentBody(new IssueUpdate { Title = "t" });

        Assert.Equal("""{"title":"t","assignee":null,"tags":[]}""", body.GetRawText());
    }

    [Fact]
    public async Task A_null_the_caller_assigns_goes_out_as_JSON_null_for_every_kind_the_spec_lets_be_null()
    {
        var body = await SentBody(new IssueUpdate
        {
            Title = "t",
            Assignee = "octocat",
            Body = null,
            Milestone = null,
            State = null,
            Due = null,
            Parent = null,
            Extra = null,
        });

        Assert.Equal(
            """{"title":"t","assignee":"octocat","body":null,"milestone":null,"state":null,"due":null,"parent":null,"extra":null,"tags":[]}""",
            body.GetRawText());
    }

    [Fact]
    public async Task A_oneOf_of_one_reference_beside_nullable_is_that_type_and_sends_its_null()
    {
        var body = await SentBody(new IssueUpdate { Title = "t", Assignee = "a", Reviewer = new Milestone { Title = "m" } });
        var cleared = await SentBody(new IssueUpdate { Title = "t", Assignee = "a", Reviewer = null });

        Assert.Equal("m", body.GetProperty("reviewer").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("reviewer").ValueKind);
    }

    [Fact]
    public async Task A_null_assigned_to_a_member_the_spec_does_not_let_be_null_is_left_out()
    {
        var body = await SentBody(new IssueUpdate { Title = "t", Note = null });

        Assert.False(body.TryGetProperty("note", out _));
    }

    [Fact]
    public async Task An_assigned_value_replaces_an_earlier_null_and_goes_out_as_itself()
    {
        var update = new IssueUpdate { Title = "t", Milestone = null };
        update.Milestone = 3;

        var body = await SentBody(update);

        Assert.Equal(3, body.GetProperty("milestone").GetInt32());
    }

    [Fact]
    public async Task An_empty_collection_the_caller_assigns_goes_out_empty_whatever_collection_it_is()
    {
        var body = await SentBody(new IssueUpdate
        {
            Title = "t",
            Labels = Array.Empty<string>(),
            Assignees = new List<string>(),
            Weights = new Dictionary<string, long>(),
        });

        Assert.Equal("[]", body.GetProperty("labels").GetRawText());
        Assert.Equal("[]", body.GetProperty("assignees").GetRawText());
        Assert.Equal("{}", body.GetProperty("weights").GetRawText());
    }

    [Fact]
    public async Task An_array_that_came_as_null_is_left_out_when_the_model_goes_back()
    {
        var handler = StubHandler.Answering("""{"title":"t","assignee":null,"labels":null,"tags":null}""");
        var client = new NullsClient(new HttpClient(handler), new IoTDAClientOptions
        {
            Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
            Retry = { MaxRetries = 0 },
        });

        var read = await client.UpdateIssueAsync(7, new IssueUpdate { Title = "t" });
        var body = await SentBody(read);

        Assert.Empty(read.Labels);
        Assert.Equal("""{"title":"t","assignee":null,"tags":[]}""", body.GetRawText());
    }

    [Fact]
    public async Task A_count_rule_applies_to_an_array_the_caller_assigned_never_to_one_left_out()
    {
        var unassigned = await SentBody(new IssueUpdate { Title = "t" });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SentBody(new IssueUpdate { Title = "t", Reviewers = Array.Empty<string>() }));

        Assert.False(unassigned.TryGetProperty("reviewers", out _));
        Assert.Contains("reviewers", error.Message);
    }

    [Fact]
    public void A_collection_never_assigned_reads_as_empty()
    {
        var update = new IssueUpdate();

        Assert.Empty(update.Labels);
        Assert.Empty(update.Weights);
    }

    [Fact]
    public async Task What_a_response_held_goes_back_as_it_came_nulls_and_empty_arrays_included()
    {
        const string json = """{"title":"t","assignee":null,"body":null,"labels":[],"weights":{},"tags":["a"]}""";
        var handler = StubHandler.Answering(json);
        var client = new NullsClient(new HttpClient(handler), new IoTDAClientOptions
        {
            Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
            Retry = { MaxRetries = 0 },
        });

        var read = await client.UpdateIssueAsync(7, new IssueUpdate { Title = "t" });
        var body = await SentBody(read);

        Assert.Equal(json, body.GetRawText());
    }
}
