using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class SigningTests
{
    private const string CanonicalRequestPrefix = "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:";

    private readonly IoTDAEmulator _emulator;

    public SigningTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task A_plain_signature_from_the_generated_client_verifies()
    {
        var recorder = new RecordingHandler();
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId(), recorder);

        await client.CreateDevicePolicyAsync(TestClients.NewPolicy("signed"));

        var exchange = Assert.Single(recorder.Exchanges);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + _emulator.AccessKey + ", SignedHeaders=", exchange.Authorization, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, exchange.Status);
    }

    [Fact]
    public async Task A_wrong_secret_key_gets_APIGW_0301_with_the_canonical_request_the_emulator_computed()
    {
        var recorder = new RecordingHandler();
        var options = TestClients.Options(_emulator, TestClients.NewInstanceId(), new AkSkCredentials(_emulator.AccessKey, "not-the-secret-key"));
        var client = TestClients.Client(options, recorder);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.CreateDevicePolicyAsync(TestClients.NewPolicy("wrong_key")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        var clientCanonicalRequest = Assert.Single(recorder.Exchanges).CanonicalRequest!;
        Assert.Equal(CanonicalRequestPrefix + clientCanonicalRequest.Replace('\n', '|'), error.ErrorMessage);
        Assert.StartsWith("POST|/v5/iot/" + _emulator.ProjectId + "/device-policies/|", error.ErrorMessage!.Substring(CanonicalRequestPrefix.Length), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(error.ResponseBody!);
        Assert.Equal(error.RequestId, body.RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task A_signed_header_changed_after_signing_fails_verification()
    {
        var recorder = new RecordingHandler(request =>
        {
            request.Headers.Remove("Instance-Id");
            request.Headers.Add("Instance-Id", "another-instance");
        });
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId(), recorder);

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => client.ListDevicePoliciesAsync());

        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Contains("|instance-id:another-instance|", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_is_signed_and_verified_in_canonical_order()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());
        await client.CreateDevicePolicyAsync(TestClients.NewPolicy("name_with-chars"));

        var page = await client.ListDevicePoliciesAsync(policyName: "name_with-chars", limit: 5, offset: 0, appId: "emulator_default_app");

        Assert.Single(page.Policies);
    }

    [Fact]
    public async Task A_percent_encoded_query_with_Chinese_and_reserved_characters_verifies()
    {
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId());

        var page = await client.ListDevicePoliciesAsync(policyName: "策略 _?'#().,&%@!-+=/");

        Assert.Empty(page.Policies);
        Assert.Equal(0, page.Page!.Count);
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected()
    {
        var options = TestClients.Options(_emulator, TestClients.NewInstanceId(), new AkSkCredentials("UNKNOWNACCESSKEY", _emulator.SecretKey));

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => TestClients.Client(options).ListDevicePoliciesAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Contains("UNKNOWNACCESSKEY", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_credentials_is_rejected_with_a_request_id()
    {
        using var http = new HttpClient { BaseAddress = _emulator.Endpoint };

        using var response = await http.GetAsync(TestClients.PoliciesPath(_emulator));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("APIGW.0301", body.RootElement.GetProperty("error_code").GetString());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task An_unsigned_payload_signature_verifies_and_the_body_goes_on_to_the_service()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[] { 1, 2, 3 }), "file", "a.bin" } };

        using var response = await http.PostAsync(TestClients.PoliciesPath(_emulator), form);

        Assert.Equal("UNSIGNED-PAYLOAD", response.RequestMessage!.Headers.GetValues(AkSkSigner.ContentSha256Header).Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotMatch("^APIGW", body.RootElement.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Derived_signing_is_used_and_verified_when_a_region_is_set()
    {
        var recorder = new RecordingHandler();
        var options = TestClients.Options(_emulator, TestClients.NewInstanceId());
        options.RegionId = "cn-north-4";
        var client = TestClients.Client(options, recorder);

        await client.CreateDevicePolicyAsync(TestClients.NewPolicy("derived"));

        var exchange = Assert.Single(recorder.Exchanges);
        Assert.Matches(
            "^V11-HMAC-SHA256 Credential=" + _emulator.AccessKey + "/[0-9]{8}/cn-north-4/iotdm, SignedHeaders=[a-z;-]+, Signature=[0-9a-f]{64}$",
            exchange.Authorization);
        Assert.Equal(HttpStatusCode.Created, exchange.Status);
    }

    [Fact]
    public async Task An_emulator_that_requires_derived_signing_rejects_plain_signatures_with_IOTDA_000002()
    {
        await using var emulator = await IoTDAEmulator.StartAsync(new IoTDAEmulatorOptions { RequireDerivedSigning = true });
        var plain = TestClients.Options(emulator);
        var derived = TestClients.Options(emulator);
        derived.RegionId = "ap-southeast-1";

        var error = await Assert.ThrowsAsync<IoTDAApiException>(() => TestClients.Client(plain).ListDevicePoliciesAsync());
        var page = await TestClients.Client(derived).ListDevicePoliciesAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("IOTDA.000002", error.ErrorCode);
        Assert.Empty(page.Policies);
    }

    [Fact]
    public async Task An_X_Sdk_Date_20_minutes_off_gets_signature_expired_and_a_Date_header()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId(), new ShiftedTimeProvider(TimeSpan.FromMinutes(-20)));

        using var response = await http.GetAsync(TestClients.PoliciesPath(_emulator));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("APIGW.0301", body.RootElement.GetProperty("error_code").GetString());
        Assert.Contains("signature expired", body.RootElement.GetProperty("error_msg").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.Date);
    }

    [Fact]
    public async Task An_X_Sdk_Date_14_minutes_off_is_still_accepted()
    {
        using var http = TestClients.SignedHttpClient(_emulator, TestClients.NewInstanceId(), new ShiftedTimeProvider(TimeSpan.FromMinutes(14)));

        using var response = await http.GetAsync(TestClients.PoliciesPath(_emulator));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_SDKs_clock_skew_correction_succeeds_after_the_expired_answer()
    {
        var recorder = new RecordingHandler();
        var options = TestClients.Options(_emulator, TestClients.NewInstanceId());
        options.TimeProvider = new ShiftedTimeProvider(TimeSpan.FromMinutes(-20));
        var client = TestClients.Client(options, recorder);

        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("skewed_clock"));

        Assert.Equal(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Created }, recorder.Exchanges.Select(exchange => exchange.Status));
        Assert.NotNull(recorder.Exchanges[0].Date);
        Assert.Equal("skewed_clock", (await client.ShowDevicePolicyAsync(created.PolicyId!)).PolicyName);
    }

    [Fact]
    public async Task Every_response_carries_a_distinct_X_Request_Id()
    {
        var recorder = new RecordingHandler();
        var client = TestClients.Client(_emulator, TestClients.NewInstanceId(), recorder);
        var created = await client.CreateDevicePolicyAsync(TestClients.NewPolicy("request_ids"));
        await client.ListDevicePoliciesAsync();
        await client.DeleteDevicePolicyAsync(created.PolicyId!);
        await Assert.ThrowsAsync<IoTDAApiException>(() => client.ShowDevicePolicyAsync(created.PolicyId!));
        using var http = new HttpClient { BaseAddress = _emulator.Endpoint };
        using var unknownPath = await http.GetAsync("/no/such/api");

        var ids = recorder.Exchanges.Select(exchange => exchange.RequestId).Append(unknownPath.Headers.GetValues("X-Request-Id").Single()).ToList();

        Assert.Equal(5, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(5, ids.Distinct().Count());
    }
}

/// <summary>The system clock moved by a fixed amount; timers and timestamps stay real.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeSpan _shift;

    public ShiftedTimeProvider(TimeSpan shift)
    {
        _shift = shift;
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
}
