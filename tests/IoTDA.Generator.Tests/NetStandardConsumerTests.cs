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
