using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace IoTDA.Runtime.Tests.DependencyInjection;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task AddIoTDAClient_RegistersATypedClientThroughTheFactory()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, TestClient.UnbindResponse);
        var services = new ServiceCollection();
        var builder = services.AddIoTDAClient<TestClient>(options =>
        {
            options.RegionId = "cn-north-4";
            options.ProjectId = TestClient.ProjectId;
            options.Credentials = new AkSkCredentials("DI-AK", "DI-SK");
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => stub);

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<TestClient>();
        await client.UnbindAsync();

        Assert.IsAssignableFrom<IHttpClientBuilder>(builder);
        Assert.Equal(new Uri("https://iotda.cn-north-4.myhuaweicloud.com"), client.Core.Endpoint);
        Assert.Equal("DI-AK", ((AkSkCredentials)client.Core.Options.Credentials!).AccessKey);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=DI-AK,", stub.Sent[0].Header("Authorization"));
    }

    [Fact]
    public async Task AddIoTDAClient_LogsCallsByTemplate_AndTheFactoryNeverLogsTheFullUri()
    {
        var logs = new FakeLogCollector();
        var stub = new StubHandler().Respond(HttpStatusCode.OK, TestClient.UnbindResponse);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddIoTDAClient<TestClient>(options =>
        {
            options.RegionId = "cn-north-4";
            options.ProjectId = TestClient.ProjectId;
            options.Credentials = new AkSkCredentials("DI-AK", "DI-SK");
        }).ConfigurePrimaryHttpMessageHandler(() => stub);

        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<TestClient>().UnbindAsync();

        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("UnbindDevicePolicy"));
        Assert.DoesNotContain(records, r => r.Message.Contains(TestClient.PolicyId));
    }

    [Fact]
    public void AddIoTDAClient_PrimaryHandler_DoesNotFollowRedirects()
    {
        var services = new ServiceCollection();
        services.AddIoTDAClient<TestClient>(options => options.Credentials = new TokenCredentials("t"));

        using var provider = services.BuildServiceProvider();
        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(TestClient));
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var primary = Assert.IsType<HttpClientHandler>(handler);
        Assert.False(primary.AllowAutoRedirect);
    }

    [Fact]
    public void Configuration_BindsFlatKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IoTDA:Endpoint"] = "https://abc.st1.iotda-app.cn-north-4.myhuaweicloud.com",
            ["IoTDA:RegionId"] = "cn-north-4",
            ["IoTDA:ProjectId"] = "project-1",
            ["IoTDA:InstanceId"] = "instance-1",
            ["IoTDA:AccessKey"] = "CFG-AK",
            ["IoTDA:SecretKey"] = "CFG-SK",
            ["IoTDA:Signing"] = "derived",
            ["IoTDA:Timeout"] = "00:00:45",
            ["IoTDA:AttemptTimeout"] = "00:00:10",
            ["IoTDA:MaxRetries"] = "5",
            ["IoTDA:UserAgentSuffix"] = "my-app/1.0",
        }).Build();
        var services = new ServiceCollection();
        services.AddIoTDAClient<TestClient>(configuration.GetSection("IoTDA"));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<TestClient>().Core.Options;

        Assert.Equal(new Uri("https://abc.st1.iotda-app.cn-north-4.myhuaweicloud.com"), options.Endpoint);
        Assert.Equal("project-1", options.ProjectId);
        Assert.Equal("instance-1", options.InstanceId);
        Assert.Equal(AkSkSigning.Derived, ((AkSkCredentials)options.Credentials!).Signing);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal("my-app/1.0", options.UserAgentSuffix);
    }

    [Theory]
    [InlineData("Signing", "sometimes", "IoTDA:Signing", "Auto, Basic or Derived")]
    [InlineData("Timeout", "soon", "IoTDA:Timeout", "time span")]
    [InlineData("MaxRetries", "-1", "IoTDA:MaxRetries", "whole number")]
    [InlineData("Endpoint", "not a uri", "IoTDA:Endpoint", "absolute URI")]
    public void Configuration_BadValue_NamesTheKeyAndTheExpectation(string key, string value, string path, string expected)
    {
        var values = new Dictionary<string, string?> { ["IoTDA:AccessKey"] = "AK", ["IoTDA:SecretKey"] = "SECRET", [$"IoTDA:{key}"] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var error = Assert.Throws<InvalidOperationException>(() => IoTDAConfiguration.Bind(configuration.GetSection("IoTDA"), new IoTDAClientOptions()));

        Assert.Contains(path, error.Message);
        Assert.Contains(value, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    [Theory]
    [InlineData("ApiKey", "k", typeof(ApiKeyCredentials))]
    [InlineData("BearerToken", "t", typeof(BearerTokenCredentials))]
    [InlineData("Token", "t", typeof(TokenCredentials))]
    public void Configuration_ReadsEachKindOfCredentials(string key, string value, Type expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var options = new IoTDAClientOptions();

        IoTDAConfiguration.Bind(configuration, options);

        Assert.IsType(expected, options.Credentials);
    }

    [Fact]
    public void Configuration_UserNameAndPassword_AreBasicCredentials_AndOneWithoutTheOtherIsRefused()
    {
        var both = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["UserName"] = "u", ["Password"] = "SECRET" }).Build();
        var half = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Password"] = "SECRET" }).Build();
        var options = new IoTDAClientOptions();

        IoTDAConfiguration.Bind(both, options);
        var error = Assert.Throws<InvalidOperationException>(() => IoTDAConfiguration.Bind(half, new IoTDAClientOptions()));

        Assert.Equal("u", Assert.IsType<BasicCredentials>(options.Credentials).UserName);
        Assert.Contains("'UserName' is missing", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    [Fact]
    public void Configuration_TwoWaysToAuthenticate_AreRefusedByTheirKeys()
    {
        var values = new Dictionary<string, string?> { ["IoTDA:AccessKey"] = "AK", ["IoTDA:SecretKey"] = "SECRET", ["IoTDA:ApiKey"] = "SECRET2" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var error = Assert.Throws<InvalidOperationException>(() => IoTDAConfiguration.Bind(configuration.GetSection("IoTDA"), new IoTDAClientOptions()));

        Assert.Equal("Configuration 'IoTDA:AccessKey/SecretKey' and 'IoTDA:ApiKey' are set together; use one way to authenticate.", error.Message);
    }

    [Fact]
    public void Configuration_AccessKeyWithoutSecretKey_SaysWhichIsMissing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AccessKey"] = "AK" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => IoTDAConfiguration.Bind(configuration, new IoTDAClientOptions()));

        Assert.Contains("SecretKey", error.Message);
    }

    [Fact]
    public void TwoClients_KeepTheirOwnOptions()
    {
        var services = new ServiceCollection();
        services.AddIoTDAClient<TestClient>(o => { o.RegionId = "cn-north-4"; o.Credentials = new TokenCredentials("t1"); });
        services.AddIoTDAClient<OtherClient>(o => { o.RegionId = "ap-southeast-3"; o.Credentials = new TokenCredentials("t2"); });

        using var provider = services.BuildServiceProvider();

        Assert.Equal("cn-north-4", provider.GetRequiredService<TestClient>().Core.Options.RegionId);
        Assert.Equal("ap-southeast-3", provider.GetRequiredService<OtherClient>().Core.Options.RegionId);
    }

    public sealed class OtherClient(HttpClient httpClient, IoTDAClientOptions options)
    {
        public IoTDAClientCore Core { get; } = new(httpClient, options);
    }
}
