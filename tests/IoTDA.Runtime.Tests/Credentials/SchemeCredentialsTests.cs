using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Credentials;

/// <summary>
/// Credentials of a general spec's security schemes: each goes where the spec says, a spec that needs none sends
/// none, credentials the spec has no place for are refused when the client is made, and no message holds a secret.
/// </summary>
public class SchemeCredentialsTests
{
    private const string Secret = "s3cr3t-key-value";

    private static async Task<SentRequest> SendOnce(ApiSecurity security, IoTDACredentials? credentials, string endpoint = "https://api.example.test/v2", Action<IoTDARequest>? build = null)
    {
        var stub = new StubHandler().Respond(HttpStatusCode.NoContent);
        var core = new IoTDAClientCore(new HttpClient(stub), new IoTDAClientOptions { Credentials = credentials, Retry = { MaxRetries = 0 } }, new Uri(endpoint), security);
        var request = new IoTDARequest("getThing", HttpMethod.Get, "/things");
        build?.Invoke(request);
        await core.SendAsync(request, default);
        return Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task An_API_key_goes_in_the_header_the_scheme_names_and_nothing_else_is_added()
    {
        var sent = await SendOnce(ApiSecurity.Schemes("X-Api-Key", ApiKeyLocation.Header, bearer: false, basic: false), new ApiKeyCredentials(Secret));

        Assert.Equal(Secret, sent.Header("X-Api-Key"));
        Assert.Null(sent.Header("Authorization"));
        Assert.Null(sent.Header("X-Sdk-Date"));
    }

    [Fact]
    public async Task An_API_key_in_the_query_is_appended_percent_encoded_after_the_operations_own_parameters()
    {
        var sent = await SendOnce(
            ApiSecurity.Schemes("api key", ApiKeyLocation.Query, bearer: false, basic: false), new ApiKeyCredentials("a&b=c d"),
            build: request => request.AddQuery("q", "x"));

        Assert.Equal("?q=x&api%20key=a%26b%3Dc%20d", sent.Uri.Query);
    }

    [Fact]
    public async Task An_API_key_in_a_cookie_joins_the_operations_own_cookies_in_one_header()
    {
        var sent = await SendOnce(
            ApiSecurity.Schemes("session", ApiKeyLocation.Cookie, bearer: false, basic: false), new ApiKeyCredentials(Secret),
            build: request => request.AddCookie("theme", "dark"));

        Assert.Equal("theme=dark; session=" + Secret, sent.Header("Cookie"));
    }

    [Fact]
    public async Task A_bearer_token_and_basic_credentials_go_in_the_authorization_header()
    {
        var both = ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: true, basic: true);

        Assert.Equal("Bearer " + Secret, (await SendOnce(both, new BearerTokenCredentials(Secret))).Header("Authorization"));
        Assert.Equal("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", (await SendOnce(both, new BasicCredentials("Aladdin", "open sesame"))).Header("Authorization"));
    }

    [Fact]
    public async Task A_token_function_is_asked_before_every_attempt()
    {
        var calls = 0;
        var credentials = new BearerTokenCredentials(_ => new ValueTask<string>("token-" + ++calls));
        var security = ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: true, basic: false);

        Assert.Equal("Bearer token-1", (await SendOnce(security, credentials)).Header("Authorization"));
        Assert.Equal("Bearer token-2", (await SendOnce(security, credentials)).Header("Authorization"));
    }

    [Fact]
    public async Task A_spec_that_needs_no_credentials_sends_none_and_may_use_plain_http()
    {
        var sent = await SendOnce(ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: false, basic: false), null, "http://api.example.test");

        Assert.Null(sent.Header("Authorization"));
        Assert.Null(sent.Header("X-Sdk-Date"));
        Assert.Equal("http", sent.Uri.Scheme);
    }

    [Fact]
    public async Task AK_SK_credentials_given_to_a_general_spec_are_signed_as_given()
    {
        var sent = await SendOnce(ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: false, basic: false), new AkSkCredentials("AK", "SK"));

        Assert.StartsWith("SDK-HMAC-SHA256 Access=AK", sent.Header("Authorization"));
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("bearer")]
    [InlineData("basic")]
    [InlineData("token")]
    public void Credentials_the_spec_has_no_place_for_are_refused_naming_what_it_takes(string kind)
    {
        IoTDACredentials credentials = kind switch
        {
            "api-key" => new ApiKeyCredentials(Secret),
            "bearer" => new BearerTokenCredentials(Secret),
            "token" => new TokenCredentials(Secret),
            _ => new BasicCredentials("user", Secret),
        };
        var security = ApiSecurity.Schemes(kind == "api-key" ? null : "X-Api-Key", ApiKeyLocation.Header, bearer: kind != "bearer", basic: false);

        var error = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(
            new HttpClient(), new IoTDAClientOptions { Credentials = credentials }, new Uri("https://api.example.test"), security));

        Assert.Contains(credentials.GetType().Name + ", which this client's spec has no place for", error.Message);
        Assert.Contains(kind == "api-key" ? "BearerTokenCredentials" : "ApiKeyCredentials (in the header 'X-Api-Key')", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void A_Huawei_Cloud_client_still_requires_AK_SK_or_a_token_and_refuses_the_others()
    {
        var missing = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(new HttpClient(), new IoTDAClientOptions { Endpoint = new Uri("https://iotda.example.test") }));
        var unfit = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(
            new HttpClient(), new IoTDAClientOptions { Endpoint = new Uri("https://iotda.example.test"), Credentials = new BearerTokenCredentials(Secret) }));

        Assert.StartsWith("IoTDAClientOptions.Credentials is required", missing.Message);
        Assert.Contains("it takes AkSkCredentials, AkSkCredentialsProvider or TokenCredentials", unfit.Message);
    }

    [Fact]
    public async Task Basic_credentials_carry_any_UTF_8_but_no_control_character()
    {
        var sent = await SendOnce(ApiSecurity.Schemes(null, ApiKeyLocation.Header, bearer: false, basic: true), new BasicCredentials("jörg", "pässwörd"));

        var encoded = sent.Header("Authorization")!.Substring("Basic ".Length);
        Assert.Equal("jörg:pässwörd", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        Assert.Contains("U+0000 at position 1", Assert.Throws<ArgumentException>(() => new BasicCredentials("u", "p\0w")).Message);
    }

    [Theory]
    [InlineData("X Key", ApiKeyLocation.Header, "holds ' '")]
    [InlineData("Content-Type", ApiKeyLocation.Header, "one the request itself needs")]
    [InlineData("a=b", ApiKeyLocation.Cookie, "holds '='")]
    public void An_API_key_name_that_cannot_be_sent_there_is_refused(string name, ApiKeyLocation location, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiSecurity.Schemes(name, location, bearer: false, basic: false));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("key\nX-Injected: 1", "single line")]
    [InlineData("key\u00e9", "U+00E9 at position 3")]
    public void An_API_key_or_token_that_is_not_one_line_of_printable_ASCII_is_refused_without_being_echoed(string secret, string expected)
    {
        // A line break is refused by the rule every credential's text shares, anything else by the header rule.
        foreach (var error in new[]
        {
            Assert.Throws<ArgumentException>(() => new ApiKeyCredentials(secret)),
            Assert.Throws<ArgumentException>(() => new BearerTokenCredentials(secret)),
        })
        {
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain(secret, error.Message);
        }
    }

    [Fact]
    public void A_cookie_key_that_a_cookie_cannot_carry_is_refused_when_the_client_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new IoTDAClientCore(
            new HttpClient(), new IoTDAClientOptions { Credentials = new ApiKeyCredentials("ab;cd") }, new Uri("https://api.example.test"),
            ApiSecurity.Schemes("session", ApiKeyLocation.Cookie, bearer: false, basic: false)));

        Assert.Contains("holds ';' at position 2", error.Message);
        Assert.DoesNotContain("ab;cd", error.Message);
    }

    [Fact]
    public void A_user_name_with_a_colon_is_refused()
    {
        Assert.Contains("contains ':'", Assert.Throws<ArgumentException>(() => new BasicCredentials("a:b", "p")).Message);
    }

    [Fact]
    public void No_credentials_ToString_shows_a_secret()
    {
        Assert.DoesNotContain(Secret, new ApiKeyCredentials(Secret).ToString());
        Assert.DoesNotContain(Secret, new BearerTokenCredentials(Secret).ToString());
        Assert.DoesNotContain(Secret, new BasicCredentials("user", Secret).ToString());
    }
}
