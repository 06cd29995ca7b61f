using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class OperationTests
{
    private readonly IoTDAEmulator _emulator;

    public OperationTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task Create_answers_the_policy_and_show_returns_it_with_its_statements()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());

        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("publish_own_topic"));
        var shown = await client.ShowDevicePolicyAsync(created.PolicyId!);

        Assert.Matches("^[0-9a-f]{24}$", created.PolicyId);
        Assert.Equal("publish_own_topic", shown.PolicyName);
        Assert.Equal("emulator_default_app", shown.AppId);
        Assert.Matches(@"^\d{8}T\d{6}Z$", shown.CreateTime);
        Assert.Equal(shown.CreateTime, shown.UpdateTime);
        var statement = Assert.Single(shown.Statement);
        Assert.Equal(Effect.Allow, statement.Effect);
        Assert.Equal(new[] { "iotda:devices:publish" }, statement.Actions);
        Assert.Equal(new[] { "topic:/v1/${devices.deviceId}/test/hello" }, statement.Resources);
    }

    [Fact]
    public async Task Create_keeps_the_app_id_it_is_given()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());

        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("in_space", appId: "space-1"));

        Assert.Equal("space-1", (await client.ShowDevicePolicyAsync(created.PolicyId!)).AppId);
    }

    [Fact]
    public async Task Update_replaces_what_the_body_names_and_keeps_the_rest()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("before"));

        var renamed = await client.UpdateDevicePolicyAsync(created.PolicyId!, new UpdateDevicePolicyRequestBody { PolicyName = "after" });
        var restated = await client.UpdateDevicePolicyAsync(created.PolicyId!, new UpdateDevicePolicyRequestBody
        {
            Statement = new[]
            {
                new DevicePolicyStatement { Effect = Effect.Deny, Actions = new[] { "iotda:devices:subscribe" }, Resources = new[] { "topic:/a", "topic:/b" } },
            },
        });

        Assert.Equal("after", renamed.PolicyName);
        Assert.Equal(Effect.Allow, Assert.Single(renamed.Statement).Effect);
        Assert.Equal("after", restated.PolicyName);
        var statement = Assert.Single(restated.Statement);
        Assert.Equal(Effect.Deny, statement.Effect);
        Assert.Equal(new[] { "topic:/a", "topic:/b" }, statement.Resources);
        Assert.Equal(created.CreateTime, restated.CreateTime);
    }

    [Fact]
    public async Task Delete_removes_the_policy_and_its_bindings()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("short_lived"));
        await client.BindDevicePolicyAsync(created.PolicyId!, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { TestClients.Device(1) } });

        await client.DeleteDevicePolicyAsync(created.PolicyId!);

        var show = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ShowDevicePolicyAsync(created.PolicyId!));
        var targets = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ShowTargetsInDevicePolicyAsync(created.PolicyId!));
        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, targets.StatusCode);
        Assert.Empty((await client.ListDevicePoliciesAsync()).Policies);
    }

    [Fact]
    public async Task Bind_and_unbind_report_each_target_in_a_200()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("targets"))).PolicyId!;
        var device = TestClients.Device(1);

        var bound = await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody
        {
            TargetType = TargetType.Device,
            TargetIds = new[] { device, "not-a-device-id" },
        });
        var boundAgain = await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { device } });
        var unbound = await client.UnbindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody
        {
            TargetType = TargetType.Device,
            TargetIds = new[] { device, TestClients.Device(2) },
        });

        Assert.Equal(policyId, bound.PolicyId);
        Assert.Equal(TargetType.Device, bound.TargetType);
        Assert.Equal(new[] { device }, bound.SuccessTargets);
        var missing = Assert.Single(bound.FailureTargets);
        Assert.Equal(("not-a-device-id", EmulatorErrorCodes.TargetNotFound), (missing.TargetId, missing.ErrorCode));
        Assert.Empty(boundAgain.SuccessTargets);
        Assert.Equal(EmulatorErrorCodes.TargetAlreadyBound, Assert.Single(boundAgain.FailureTargets).ErrorCode);
        Assert.Equal(new[] { device }, unbound.SuccessTargets);
        var notBound = Assert.Single(unbound.FailureTargets);
        Assert.Equal(TestClients.Device(2), notBound.TargetId);
        Assert.Equal("IOTDA.015207", notBound.ErrorCode);
        Assert.Equal("Invalid input. The target does not bind the device-policy.", notBound.ErrorMsg);
    }

    [Fact]
    public async Task Products_and_resource_spaces_bind_and_list_targets_filters_by_type()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("mixed"))).PolicyId!;
        await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { TestClients.Device(1) } });
        await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Product, TargetIds = new[] { TestClients.ProductId } });
        await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.App, TargetIds = new[] { "space-1" } });

        var all = await client.ShowTargetsInDevicePolicyAsync(policyId);
        var products = await client.ShowTargetsInDevicePolicyAsync(policyId, new ShowTargetsInDevicePolicyRequestBody { TargetType = TargetType.Product });

        Assert.Equal(new[] { "space-1", TestClients.ProductId, TestClients.Device(1) }, all.Targets.Select(target => target.TargetId));
        Assert.Equal(new[] { TargetType.App, TargetType.Product, TargetType.Device }, all.Targets.Select(target => target.TargetType));
        Assert.Equal(3, all.Page!.Count);
        var product = Assert.Single(products.Targets);
        Assert.Equal(TestClients.ProductId, product.TargetId);
        Assert.Equal(1, products.Page!.Count);
    }

    [Fact]
    public async Task Instances_keep_separate_policies()
    {
        var first = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var second = TestClients.Client(_emulator, TestClients.NewInstanceId());
        var policyId = (await first.CreateDevicePolicyAsync(TestClients.NewPolicy("mine"))).PolicyId!;

        var elsewhere = await Assert.ThrowsAsync<IoTDAApiException>(() => second.ShowDevicePolicyAsync(policyId));

        Assert.Single((await first.ListDevicePoliciesAsync()).Policies);
        Assert.Empty((await second.ListDevicePoliciesAsync()).Policies);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task An_instance_holds_at_most_50_policies()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        for (var index = 0; index < 50; index++)
        {
            await client.CreateDevicePolicyAsync(TestClients.NewPolicy("policy_" + index));
        }

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.CreateDevicePolicyAsync(TestClients.NewPolicy("one_too_many")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(EmulatorErrorCodes.PolicyLimitReached, error.ErrorCode);
        Assert.Equal(50, (await client.ListDevicePoliciesAsync(limit: 1)).Page!.Count);
    }

    [Fact]
    public async Task A_token_authenticates_instead_of_a_signature()
    {
        var instanceId = TestClients.NewInstanceId();
        var withToken = TestClients.Client(TestClients.Options(_emulator, instanceId, new TokenCredentials(_emulator.Token)));
        var withWrongToken = TestClients.Client(TestClients.Options(_emulator, instanceId, new TokenCredentials("not-the-token")));

        var created = await withToken.CreateDevicePolicyAsync(TestClients.NewPolicy("by_token"));
        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => withWrongToken.ShowDevicePolicyAsync(created.PolicyId!));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Matches(new Regex("^Incorrect IAM authentication information: "), error.ErrorMessage);
    }
}
