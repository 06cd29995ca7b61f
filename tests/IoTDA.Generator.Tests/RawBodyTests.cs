using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using RawBodies;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/raw-bodies.openapi.yaml</c>: a body that is neither
/// JSON nor a form goes out as text or as the stream's bytes with the spec's media type, signed like any body, and an
/// answer of such a type comes back as a string or a stream.
/// </summary>
public class RawBodyTests
{
    private static StubHandler Answering(Func<HttpResponseMessage> answer) => new((_, _) => answer());

    private static HttpResponseMessage Answer(HttpStatusCode status, byte[] body, string mediaType) =>
        new(status) { Content = new ByteArrayContent(body) { Headers = { { "Content-Type", mediaType } } } };

    private static RawBodiesClient Client(StubHandler handler, int retries = 0) => new(new HttpClient(handler), new IoTDAClientOptions
    {
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
    });

    /// <summary>A stream that can be read once only, as a network stream.</summary>
    private sealed class ForwardOnly : MemoryStream
    {
        public ForwardOnly(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;
    }

    [Fact]
    public async Task A_stream_body_is_sent_whole_with_its_media_type_and_a_text_answer_is_decoded_in_its_charset()
    {
        var handler = Answering(() => Answer(HttpStatusCode.OK, Encoding.Latin1.GetBytes("sum:\u00e9"), "text/plain; charset=iso-8859-1"));

        var checksum = await Client(handler).PutFileAsync("fw.bin", new ForwardOnly(new byte[] { 0, 1, 2, 255 }));

        Assert.Equal("sum:\u00e9", checksum);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("application/octet-stream", request.ContentType);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, request.BodyBytes);
        Assert.StartsWith("SDK-HMAC-SHA256", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_read_once_stream_is_read_once_so_a_retry_sends_the_same_bytes()
    {
        var answers = 0;
        var handler = Answering(() => ++answers == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : Answer(HttpStatusCode.OK, Encoding.UTF8.GetBytes("ok"), "text/plain"));

        // A PUT is idempotent, so a 503 is retried.
        await Client(handler, retries: 1).PutFileAsync("fw.bin", new ForwardOnly(new byte[] { 7, 8 }));

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, request => Assert.Equal(new byte[] { 7, 8 }, request.BodyBytes));
    }

    [Fact]
    public async Task A_binary_answer_is_a_stream_of_its_bytes_and_a_text_body_goes_out_as_UTF_8()
    {
        var file = Answering(() => Answer(HttpStatusCode.OK, new byte[] { 9, 8, 7 }, "application/octet-stream"));
        var note = Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        using var stream = await Client(file).GetFileAsync("fw.bin");
        await Client(note).AddNoteAsync("h\u00e9llo");

        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        Assert.Equal(new byte[] { 9, 8, 7 }, bytes.ToArray());
        var sent = Assert.Single(note.Requests);
        Assert.Equal("text/plain; charset=utf-8", sent.ContentType);
        Assert.Equal(Encoding.UTF8.GetBytes("h\u00e9llo"), sent.BodyBytes);
    }

    [Fact]
    public async Task An_optional_text_body_left_out_sends_no_body_and_a_required_stream_may_not_be_null()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        await Client(handler).AddNoteAsync();
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client(handler).ConvertDocumentAsync(null!));

        Assert.Null(Assert.Single(handler.Requests).BodyBytes);
        Assert.Contains("body", error.Message);
    }

    [Fact]
    public async Task A_stream_that_fails_is_an_IoTDAException_naming_the_operation_and_nothing_is_sent()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.OK));
        var broken = new ForwardOnly(new byte[] { 1 });
        broken.Dispose();

        var error = await Assert.ThrowsAsync<IoTDAException>(() => Client(handler).ConvertDocumentAsync(broken));

        Assert.Contains("convertDocument could not read its body stream", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_xml_body_keeps_its_media_type_and_an_image_answer_is_a_stream()
    {
        var handler = Answering(() => Answer(HttpStatusCode.OK, new byte[] { 1 }, "image/png"));

        using var image = await Client(handler).ConvertDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes("<a/>")));

        Assert.Equal("application/xml", Assert.Single(handler.Requests).ContentType);
        Assert.Equal(1, image.Length);
    }
}
