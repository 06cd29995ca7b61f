using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task Custom_credentials_project_and_port_are_what_the_emulator_exposes_and_accepts()
    {
        var port = TestClients.FreeLoopbackPort();
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions
        {
            AccessKey = "MYACCESSKEY",
            SecretKey = "my-secret",
            ProjectId = "my-project",
            InstanceId = "my-instance",
            Port = port,
        });

        var page = await TestClients.Client(TestClients.Options(emulator)).ListDevicePoliciesAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), emulator.Endpoint);
        Assert.Equal(("MYACCESSKEY", "my-secret", "my-project", "my-instance"), (emulator.AccessKey, emulator.SecretKey, emulator.ProjectId, emulator.InstanceId));
        Assert.Equal(0, page.Page!.Count);
    }

    [Fact]
    public async Task TargetExists_decides_which_targets_can_be_bound()
    {
        var missing = TestClients.Device(2);
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions
        {
            TargetExists = (type, id) => type == "device" && id != missing,
        });
        var client = TestClients.Client(emulator, TestClients.NewInstanceId());
        var policyId = (await client.CreateDevicePolicyAsync(TestClients.NewPolicy("seeded"))).PolicyId!;

        var devices = await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Device, TargetIds = new[] { TestClients.Device(1), missing } });
        var products = await client.BindDevicePolicyAsync(policyId, new DevicePolicyTargetsRequestBody { TargetType = TargetType.Product, TargetIds = new[] { TestClients.ProductId } });

        Assert.Equal(new[] { TestClients.Device(1) }, devices.SuccessTargets);
        Assert.Equal((missing, EmulatorErrorCodes.TargetNotFound), (Assert.Single(devices.FailureTargets).TargetId, Assert.Single(devices.FailureTargets).ErrorCode));
        Assert.Equal(EmulatorErrorCodes.TargetNotFound, Assert.Single(products.FailureTargets).ErrorCode);
    }

    [Fact]
    public async Task A_lower_policy_limit_is_enforced()
    {
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { MaxPoliciesPerInstance = 2 });
        var client = TestClients.Client(emulator, TestClients.NewInstanceId());
        await client.CreateDevicePolicyAsync(TestClients.NewPolicy("one"));
        await client.CreateDevicePolicyAsync(TestClients.NewPolicy("two"));

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.CreateDevicePolicyAsync(TestClients.NewPolicy("three")));

        Assert.Equal(EmulatorErrorCodes.PolicyLimitReached, error.ErrorCode);
    }

    [Fact]
    public async Task A_derived_signature_for_another_service_is_rejected()
    {
        await using var emulator = await IoTDAEmulator.StartAsync();
        using var signer = new AkSkSigningHandler(new AkSkCredentials(emulator.AccessKey, emulator.SecretKey) { Signing = AkSkSigning.Derived }, "cn-north-4")
        {
            ServiceName = "ecs",
            InnerHandler = new HttpClientHandler(),
        };
        using var http = new HttpClient(signer) { BaseAddress = emulator.Endpoint };

        using var response = await http.GetAsync(TestClients.PoliciesPath(emulator));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("/cn-north-4/ecs", body.RootElement.GetProperty("error_msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_processes_Kestrel_and_ASPNETCORE_variables_do_not_reach_the_emulator()
    {
        var strayPort = TestClients.FreeLoopbackPort();
        const string variable = "Kestrel__Endpoints__Stray__Url";
        Environment.SetEnvironmentVariable(variable, $"http://127.0.0.1:{strayPort}");
        try
        {
            await using var emulator = await IoTDAEmulator.StartAsync();
            using var probe = new TcpClient();

            var connect = await Record.ExceptionAsync(() => probe.ConnectAsync(IPAddress.Loopback, strayPort));

            Assert.IsType<SocketException>(connect);
            Assert.Empty((await TestClients.Client(TestClients.Options(emulator)).ListDevicePoliciesAsync()).Policies);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("AccessKey")]
    [InlineData("SecretKey")]
    [InlineData("ProjectId")]
    [InlineData("InstanceId")]
    public async Task Empty_credentials_are_refused_before_anything_listens(string property)
    {
        var options = new IoTDAEmulatorOptions();
        typeof(IoTDAEmulatorOptions).GetProperty(property)!.SetValue(options, " ");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => IoTDAEmulator.StartAsync(options));

        Assert.Equal(property, error.ParamName);
    }
}
