using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class ProductTests
{
    private readonly IoTDAEmulator _emulator;

    public ProductTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
    }

    [Fact]
    public async Task A_created_product_gets_a_24_hex_ID_and_shows_every_member_as_the_service_names_them()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());

        var created = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/products", RawApi.ProductBody("thermometer"));
        var productId = created.GetProperty("product_id").GetString()!;
        var shown = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products/" + productId);

        Assert.Matches("^[0-9a-f]{24}$", productId);
        Assert.Equal(
            new[] { "app_id", "product_id", "name", "device_type", "protocol_type", "data_format", "manufacturer_name", "service_capabilities", "create_time" },
            RawApi.Names(shown));
        Assert.Equal(created.ToString(), shown.ToString());
        Assert.Equal("emulator_default_app", shown.GetProperty("app_id").GetString());
        Assert.Equal(("thermometer", "Thermometer", "MQTT", "json", "Acme"), (
            shown.GetProperty("name").GetString(), shown.GetProperty("device_type").GetString(), shown.GetProperty("protocol_type").GetString(),
            shown.GetProperty("data_format").GetString(), shown.GetProperty("manufacturer_name").GetString()));
        var service = Assert.Single(shown.GetProperty("service_capabilities").EnumerateArray());
        Assert.Equal("temperature", service.GetProperty("service_id").GetString());
        Assert.Equal("celsius", Assert.Single(service.GetProperty("properties").EnumerateArray()).GetProperty("property_name").GetString());
        Assert.Matches(@"^\d{8}T\d{6}Z$", shown.GetProperty("create_time").GetString()!);
    }

    [Fact]
    public async Task A_product_ID_the_caller_gives_is_kept_and_cannot_be_taken_twice()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());

        var productId = await api.CreateProductAsync("first", productId: "my_product-1", appId: "space_a");
        var message = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.ProductAlreadyExists, HttpMethod.Post, "/products",
            RawApi.ProductBody("second", productId: "my_product-1"));

        Assert.Equal("my_product-1", productId);
        Assert.Contains("my_product-1", message, StringComparison.Ordinal);
        Assert.Equal("space_a", (await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products/my_product-1?app_id=space_a")).GetProperty("app_id").GetString());
        await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.ProductNotFound, HttpMethod.Get, "/products/my_product-1?app_id=space_b");
    }

    [Fact]
    public async Task The_list_pages_newest_first_by_marker_and_offset_and_counts_every_match()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var created = new string[5];
        for (var index = 0; index < created.Length; index++)
        {
            created[index] = await api.CreateProductAsync("product-" + index, appId: index == 4 ? "other_space" : null);
        }

        var first = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products?limit=2");
        var marker = first.GetProperty("page").GetProperty("marker").GetString();
        var second = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/products?limit=2&marker={marker}");
        var skipped = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products?limit=2&offset=3");
        var bySpace = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products?app_id=other_space");
        var byName = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products?product_name=product-1");

        var newestFirst = created.Reverse().ToArray();
        Assert.Equal(newestFirst[..2], RawApi.Ids(first, "products", "product_id"));
        Assert.Equal(5, first.GetProperty("page").GetProperty("count").GetInt64());
        Assert.Matches("^[0-9a-f]{24}$", marker!);
        Assert.Equal(newestFirst[2..4], RawApi.Ids(second, "products", "product_id"));
        Assert.Equal(newestFirst[3..5], RawApi.Ids(skipped, "products", "product_id"));
        Assert.Equal(new[] { created[4] }, RawApi.Ids(bySpace, "products", "product_id"));
        Assert.Equal(new[] { created[1] }, RawApi.Ids(byName, "products", "product_id"));
        Assert.DoesNotContain("service_capabilities", RawApi.Names(first.GetProperty("products")[0]));
    }

    [Fact]
    public async Task An_update_changes_the_members_it_names_and_keeps_the_others()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("before");

        var updated = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/products/" + productId,
            """{"name":"after","protocol_type":"CoAP","service_capabilities":[{"service_id":"humidity","service_type":"Humidity"}]}""");
        var shown = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products/" + productId);

        Assert.Equal(updated.ToString(), shown.ToString());
        Assert.Equal(("after", "CoAP", "Thermometer", "Acme"), (
            shown.GetProperty("name").GetString(), shown.GetProperty("protocol_type").GetString(),
            shown.GetProperty("device_type").GetString(), shown.GetProperty("manufacturer_name").GetString()));
        Assert.Equal("humidity", Assert.Single(shown.GetProperty("service_capabilities").EnumerateArray()).GetProperty("service_id").GetString());
    }

    [Fact]
    public async Task A_deleted_product_is_gone_and_deleting_it_again_is_a_404()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());
        var productId = await api.CreateProductAsync("short_lived");

        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/products/" + productId);

        var message = await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.ProductNotFound, HttpMethod.Get, "/products/" + productId);
        Assert.Contains(productId, message, StringComparison.Ordinal);
        await api.ExpectErrorAsync(HttpStatusCode.NotFound, EmulatorErrorCodes.ProductNotFound, HttpMethod.Delete, "/products/" + productId);
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/products")).GetProperty("page").GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("""{"device_type":"t","protocol_type":"MQTT","data_format":"json","service_capabilities":[]}""", "name is required")]
    [InlineData("""{"name":"has space","device_type":"t","protocol_type":"MQTT","data_format":"json","service_capabilities":[]}""", "'has space'")]
    [InlineData("""{"name":"n","device_type":"t","protocol_type":"Carrier pigeon","data_format":"json","service_capabilities":[]}""", "'Carrier pigeon'")]
    [InlineData("""{"name":"n","device_type":"t","protocol_type":"MQTT","data_format":"xml","service_capabilities":[]}""", "'xml'")]
    [InlineData("""{"name":"n","device_type":"t","protocol_type":"MQTT","data_format":"json"}""", "service_capabilities is required")]
    [InlineData("""{"name":"n","device_type":"t","protocol_type":"MQTT","data_format":"json","service_capabilities":[{"service_id":"s"}]}""", "service_type is required")]
    [InlineData("""{"name":"n","device_type":"t","protocol_type":"MQTT","data_format":"json","service_capabilities":[{"service_id":"s","service_type":"a"},{"service_id":"s","service_type":"b"}]}""", "'s' appears twice")]
    [InlineData("""{"product_id":"no spaces allowed","name":"n","device_type":"t","protocol_type":"MQTT","data_format":"json","service_capabilities":[]}""", "'no spaces allowed'")]
    public async Task A_product_body_that_breaks_a_rule_is_a_400_naming_the_member_or_value(string body, string named)
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());

        var message = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidInput, HttpMethod.Post, "/products", body);

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_ID_in_the_path_that_is_not_an_ID_is_a_400()
    {
        using var api = new RawApi(_emulator, TestClients.NewInstanceId());

        var message = await api.ExpectErrorAsync(HttpStatusCode.BadRequest, EmulatorErrorCodes.InvalidInput, HttpMethod.Get, "/products/" + new string('a', 37));

        Assert.Contains("product_id", message, StringComparison.Ordinal);
    }
}
