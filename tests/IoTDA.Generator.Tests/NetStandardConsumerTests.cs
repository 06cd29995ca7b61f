using System;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Xunit;
using Consumer = IoTDA.NetStandardConsumer;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into a netstandard2.0 project at C# 8 (tests/IoTDA.Generator.NetStandardConsumer, which
/// fails to build if the generated code does not compile there) carries the constraint attributes and runs.
/// </summary>
public class NetStandardConsumerTests
{
    private static readonly Assembly ConsumerAssembly = typeof(Consumer.IoTDAClient).Assembly;

    [Fact]
    public void The_consumer_is_a_netstandard20_assembly_with_the_generated_client()
    {
        Assert.Contains(ConsumerAssembly.GetReferencedAssemblies(), a => a.Name == "netstandard" && a.Version == new Version(2, 0, 0, 0));
        Assert.DoesNotContain(ConsumerAssembly.GetReferencedAssemblies(), a => a.Name == "System.Runtime");
        Assert.True(typeof(Consumer.IIoTDAClient).IsAssignableFrom(typeof(Consumer.IoTDAClient)));
        Assert.NotNull(typeof(Consumer.IoTDAClient).GetMethod("UnbindDevicePolicyInBatchesAsync"));
        Assert.NotNull(typeof(Consumer.IoTDAClient).GetMethod("ListDevicePoliciesAllAsync"));
    }

    [Fact]
    public async Task A_date_is_a_DateTime_at_midnight_where_the_framework_has_no_DateOnly()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(System.Net.HttpStatusCode.OK, """{"id":"3f1c6a2e-8b7d-4e59-9a0c-1d2e3f4a5b6c","at":"2024-05-01T08:30:00Z","day":"2024-02-29"}"""));
        var client = new Consumer.Formats.FormatsClient(new HttpClient(handler), new IoTDAClientOptions { Retry = { MaxRetries = 0 } });

        var read = await client.GetEventAsync(Guid.Empty, on: new DateTime(2024, 5, 1, 23, 59, 0));

        Assert.Equal(typeof(DateTime?), typeof(Consumer.Formats.Event).GetProperty("Day")!.PropertyType);
        Assert.Equal(new DateTime(2024, 2, 29), read.Day);
        Assert.Equal("?on=2024-05-01", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public void Constraint_attributes_sit_on_properties_and_parameters_for_the_analyzers()
    {
        var targetIds = typeof(Consumer.DevicePolicyTargetsRequestBody).GetProperty("TargetIds")!.GetCustomAttribute<MaxItemsConstraintAttribute>()!;
        Assert.Equal(("target_ids", 20), (targetIds.Name, targetIds.Maximum));
        var targetType = typeof(Consumer.DevicePolicyTargetsRequestBody).GetProperty("TargetType")!.GetCustomAttribute<AllowedValuesConstraintAttribute>()!;
        Assert.Equal(new[] { "device", "product", "app" }, targetType.Values);

        var limit = typeof(Consumer.IIoTDAClient).GetMethod("ListDevicePoliciesAsync")!.GetParameters().Single(p => p.Name == "limit").GetCustomAttribute<RangeConstraintAttribute>()!;
        Assert.Equal((1d, 50d, false, false), (limit.Minimum, limit.Maximum, limit.MinimumIsExclusive, limit.MaximumIsExclusive));
        var batchIds = typeof(Consumer.IIoTDAClient).GetMethod("UnbindDevicePolicyInBatchesAsync")!.GetParameters().Single(p => p.Name == "targetIds");
        Assert.Empty(batchIds.GetCustomAttributes<IoTDAConstraintAttribute>());
        var name = typeof(Consumer.CreateDevicePolicyRequestBody).GetProperty("PolicyName")!.GetCustomAttribute<LengthConstraintAttribute>()!;
        Assert.Equal((0, 128), (name.Minimum, name.Maximum));
    }

    [Fact]
    public async Task The_netstandard_build_validates_before_sending()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("Nothing may be sent."));
        var client = new Consumer.IoTDAClient(new HttpClient(handler), new IoTDAClientOptions
        {
            Endpoint = new Uri("https://iotda.example.test"),
            ProjectId = "project-1",
            Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        });

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.ListDevicePoliciesAsync(offset: 501));

        Assert.StartsWith("offset is 501; the API accepts at least 0 and at most 500.", exception.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(typeof(MaxItemsConstraintAttribute))]
    [InlineData(typeof(MinItemsConstraintAttribute))]
    [InlineData(typeof(LengthConstraintAttribute))]
    [InlineData(typeof(PatternConstraintAttribute))]
    [InlineData(typeof(RangeConstraintAttribute))]
    [InlineData(typeof(AllowedValuesConstraintAttribute))]
    public void Constraint_attributes_apply_to_properties_parameters_and_fields(Type attribute)
    {
        var usage = attribute.GetCustomAttribute<AttributeUsageAttribute>()!;

        Assert.Equal(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, usage.ValidOn);
        Assert.False(usage.AllowMultiple);
        Assert.True(typeof(IoTDAConstraintAttribute).IsAssignableFrom(attribute));
    }
}
