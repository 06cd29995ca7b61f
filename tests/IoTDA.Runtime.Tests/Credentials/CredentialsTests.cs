using System;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Credentials;

public sealed class CredentialsTests
{
    [Theory]
    [InlineData("", "SK", "accessKey")]
    [InlineData("   ", "SK", "accessKey")]
    [InlineData("AK", "", "secretKey")]
    [InlineData("AK", "\t", "secretKey")]
    [InlineData("AK", "S\nK", "secretKey")]
    public void EmptyOrMultiLineKeys_AreRejectedByName(string accessKey, string secretKey, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new AkSkCredentials(accessKey, secretKey));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void EmptySecurityToken_IsRejected() =>
        Assert.Equal("securityToken", Assert.Throws<ArgumentException>(() => new AkSkCredentials("AK", "SK", " ")).ParamName);

    [Fact]
    public void EmptyToken_IsRejected() =>
        Assert.Equal("token", Assert.Throws<ArgumentException>(() => new TokenCredentials("")).ParamName);

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var text = new AkSkCredentials("AK-VISIBLE", "SECRET-VALUE", "TOKEN-VALUE").ToString() + new TokenCredentials("IAM-TOKEN").ToString();

        Assert.Contains("AK-VISIBLE", text);
        Assert.DoesNotContain("SECRET-VALUE", text);
        Assert.DoesNotContain("TOKEN-VALUE", text);
        Assert.DoesNotContain("IAM-TOKEN", text);
    }

    [Fact]
    public void Signing_HasAPlainSetter_AndDefaultsToAuto()
    {
        var credentials = new AkSkCredentials("AK", "SK");
        Assert.Equal(AkSkSigning.Auto, credentials.Signing);

        credentials.Signing = AkSkSigning.Derived;

        Assert.Equal(AkSkSigning.Derived, credentials.Signing);
    }

    [Fact]
    public async Task Provider_FetchesOnce_ThenAgainNearExpiry()
    {
        var time = new SignalingTimeProvider();
        var fetches = 0;
        var provider = new AkSkCredentialsProvider(_ =>
        {
            var number = Interlocked.Increment(ref fetches);
            return Task.FromResult(new AkSkCredentials("AK" + number, "SK", "token" + number) { Expiration = time.GetUtcNow().AddMinutes(30) });
        })
        { TimeProvider = time };

        var first = await Task.WhenAll(provider.ResolveAsync(default).AsTask(), provider.ResolveAsync(default).AsTask());
        time.Advance(TimeSpan.FromMinutes(24));
        var stillFresh = await provider.ResolveAsync(default);
        time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await provider.ResolveAsync(default);

        Assert.Same(first[0], first[1]);
        Assert.Same(first[0], stillFresh);
        Assert.Equal("AK2", ((AkSkCredentials)refreshed).AccessKey);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task Provider_SignsWithTheRefreshedToken()
    {
        var time = new SignalingTimeProvider();
        var provider = new AkSkCredentialsProvider(_ =>
            Task.FromResult(new AkSkCredentials("AK", "SK", "fresh-token") { Expiration = time.GetUtcNow().AddHours(1) }))
        { TimeProvider = time };
        var options = TestClient.Options(time);
        options.Credentials = provider;
        var (client, stub) = TestClient.Create(options);
        stub.Respond(System.Net.HttpStatusCode.OK, TestClient.UnbindResponse);

        await client.UnbindAsync();

        Assert.Equal("fresh-token", stub.Sent[0].Header("X-Security-Token"));
        Assert.Equal(Expected.SignatureOf(stub.Sent[0], "AK", "SK"), stub.Sent[0].Header("Authorization"));
    }

    [Fact]
    public async Task Provider_ReturningNull_IsAClearError()
    {
        var provider = new AkSkCredentialsProvider(_ => Task.FromResult<AkSkCredentials>(null!));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.ResolveAsync(default).AsTask());

        Assert.Contains("returned null", error.Message);
    }
}

/// <summary>Changes process environment variables, so it runs alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class EnvironmentCredentialsTests
{
    [Fact]
    public void FromEnvironment_ReadsHuaweiVariables()
    {
        using var scope = new EnvironmentScope(("HUAWEICLOUD_SDK_AK", "ENV-AK"), ("HUAWEICLOUD_SDK_SK", "ENV-SK"), ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "ENV-TOKEN"));

        var credentials = AkSkCredentials.FromEnvironment();

        Assert.Equal("ENV-AK", credentials.AccessKey);
        Assert.True(credentials.HasSecurityToken);
    }

    [Fact]
    public void FromEnvironment_NamesTheMissingVariable_AndNoSecret()
    {
        using var scope = new EnvironmentScope(("HUAWEICLOUD_SDK_AK", "ENV-AK"), ("HUAWEICLOUD_SDK_SK", null), ("HUAWEICLOUD_SDK_SECURITY_TOKEN", null));

        var error = Assert.Throws<InvalidOperationException>(AkSkCredentials.FromEnvironment);

        Assert.Contains("HUAWEICLOUD_SDK_SK", error.Message);
        Assert.DoesNotContain("HUAWEICLOUD_SDK_AK and", error.Message);
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly (string Name, string? Value)[] _saved;

        public EnvironmentScope(params (string Name, string? Value)[] values)
        {
            _saved = Array.ConvertAll(values, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
