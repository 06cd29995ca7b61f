using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Signing;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

/// <summary>
/// A form upload through the client core, as it reaches the wire: read back by ASP.NET Core's multipart reader,
/// its signature recomputed by the reference signer, its bytes compared across retries.
/// </summary>
public sealed class MultipartFormTests
{
    private const string FileName = "设备清单 Ünïcode.csv";

    /// <summary>Bytes that look like form syntax, so a writer that does not frame them exactly is caught.</summary>
    private static readonly byte[] FileBytes = Encoding.UTF8.GetBytes("device_id,node_id\r\n--not-a-boundary\r\n\r\n1,\"2\"\n")
        .Concat(new byte[] { 0, 255, 13, 10, 45, 45 }).ToArray();

    private static HttpRequestException ConnectionRefused() =>
        new("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task The_wire_bytes_read_back_as_the_parts_in_order()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, "{}");

        await client.UploadAsync(
            new FilePart(new MemoryStream(FileBytes), FileName, "text/csv"), "née ✓ \"quoted\"\r\nsecond line", 7, new[] { "a", "b" }, "ops");

        var sent = stub.Sent.Single();
        Assert.StartsWith("multipart/form-data; boundary=", sent.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(sent.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Header("Content-Length"));
        var parts = await MultipartParts.ReadAsync(sent);
        Assert.Equal(new[] { "file", "description", "priority", "tags", "tags", "meta" }, parts.Select(p => p.Name));
        Assert.Equal(FileName, parts[0].FileName);
        Assert.Equal("text/csv", parts[0].ContentType);
        Assert.Equal(FileBytes, parts[0].Body);
        Assert.Equal("née ✓ \"quoted\"\r\nsecond line", Encoding.UTF8.GetString(parts[1].Body));
        Assert.All(parts.Skip(1).Take(4), p => Assert.Null(p.FileName));
        Assert.All(parts.Skip(1).Take(4), p => Assert.Null(p.ContentType));
        Assert.Equal("7", Encoding.UTF8.GetString(parts[2].Body));
        Assert.Equal(new[] { "a", "b" }, parts.Skip(3).Take(2).Select(p => Encoding.UTF8.GetString(p.Body)));
        Assert.Equal("application/json", parts[5].ContentType);
        Assert.Equal("{\"owner\":\"ops\"}", Encoding.UTF8.GetString(parts[5].Body));
    }

    [Fact]
    public async Task A_file_without_a_content_type_is_sent_as_octet_stream_and_fields_left_null_are_not_sent()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, "{}");

        await client.UploadAsync(new FilePart(new MemoryStream(FileBytes), "a.bin"));

        var part = Assert.Single(await MultipartParts.ReadAsync(stub.Sent.Single()));
        Assert.Equal("application/octet-stream", part.ContentType);
        Assert.Equal(FileBytes, part.Body);
    }

    [Theory]
    [InlineData("https://iotda.cn-north-4.myhuaweicloud.com", null)]
    [InlineData("https://a1b2c3.st1.iotda-app.cn-north-4.myhuaweicloud.com", "cn-north-4")]
    public async Task The_upload_is_signed_as_an_unsigned_payload_and_the_signature_verifies(string endpoint, string? derivedRegion)
    {
        var options = TestClient.Options();
        options.Endpoint = new Uri(endpoint);
        var (client, stub) = TestClient.Create(options);
        stub.Respond(HttpStatusCode.OK, "{}");

        await client.UploadAsync(new FilePart(new MemoryStream(FileBytes), FileName), "description");

        var sent = stub.Sent.Single();
        Assert.Equal("UNSIGNED-PAYLOAD", sent.Header("X-Sdk-Content-Sha256"));
        var signedHeaders = sent.Header("Authorization")!.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        Assert.Contains("x-sdk-content-sha256", signedHeaders);
        var requestHeaders = sent.Headers.Where(h => h.Key is not ("Authorization" or "Content-Type" or "Content-Length")).ToList();
        var reference = new ReferenceRequest("POST", sent.Uri.PathAndQuery, requestHeaders, sent.Body, unsignedPayload: true);
        Assert.Equal(
            derivedRegion is null
                ? ReferenceSigner.SignBasic(reference, "TESTACCESSKEY", "test-secret-key-value")
                : ReferenceSigner.SignDerived(reference, "TESTACCESSKEY", "test-secret-key-value", derivedRegion, "iotdm"),
            sent.Header("Authorization"));
        Assert.EndsWith("\nUNSIGNED-PAYLOAD", ReferenceSigner.CanonicalRequest(reference), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_resends_a_seekable_stream_from_where_it_stood_when_the_call_started()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        stub.Throw(ConnectionRefused()).Respond(HttpStatusCode.OK, "{}");
        var stream = new MemoryStream(Encoding.ASCII.GetBytes("SKIP:").Concat(FileBytes).ToArray()) { Position = 5 };

        var call = client.UploadAsync(new FilePart(stream, FileName), "d");
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));
        await call;

        Assert.Equal(2, stub.Sent.Count);
        Assert.Equal(stub.Sent[0].Body, stub.Sent[1].Body);
        Assert.Equal(FileBytes, (await MultipartParts.ReadAsync(stub.Sent[1]))[0].Body);
        Assert.True(stream.CanRead, "The caller's stream stays open: the caller owns it.");
    }

    [Fact]
    public async Task A_retry_resends_a_stream_that_cannot_seek_from_the_copy_the_first_attempt_read()
    {
        var time = new SignalingTimeProvider();
        var (client, stub) = TestClient.Create(TestClient.Options(time));
        stub.Throw(ConnectionRefused()).Respond(HttpStatusCode.OK, "{}");

        var call = client.UploadAsync(new FilePart(new UnsizedStream(FileBytes), FileName));
        time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(30)));
        await call;

        Assert.Equal(2, stub.Sent.Count);
        Assert.Equal(stub.Sent[0].Body, stub.Sent[1].Body);
        Assert.Equal(FileBytes, (await MultipartParts.ReadAsync(stub.Sent[1]))[0].Body);
    }

    [Fact]
    public async Task Each_call_has_its_own_random_boundary()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());
        stub.Respond(HttpStatusCode.OK, "{}").Respond(HttpStatusCode.OK, "{}");

        await client.UploadAsync(new FilePart(new MemoryStream(FileBytes), FileName));
        await client.UploadAsync(new FilePart(new MemoryStream(FileBytes), FileName));

        var boundaries = stub.Sent.Select(MultipartParts.Boundary).ToArray();
        Assert.NotEqual(boundaries[0], boundaries[1]);
        Assert.All(boundaries, b => Assert.Matches("^iotda-[0-9a-f]{32}$", b));
    }

    [Fact]
    public async Task A_stream_that_fails_to_read_ends_the_call_naming_the_file_and_nothing_is_sent()
    {
        var (client, stub) = TestClient.Create(TestClient.Options());

        var error = await Assert.ThrowsAsync<IoTDAException>(() => client.UploadAsync(new FilePart(new FailingStream(), "broken.csv")));

        Assert.StartsWith("UploadBatchTaskFile could not read the file 'broken.csv' of the form part 'file': disk gone", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Empty(stub.Sent);
    }

    private sealed class FailingStream : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk gone");
    }
}
