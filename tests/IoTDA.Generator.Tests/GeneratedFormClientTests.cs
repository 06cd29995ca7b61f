using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.Infrastructure;
using IoTDA.Runtime;
using Uploads;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The client generated into this test assembly from <c>Specs/uploads.openapi.yaml</c>, on the real runtime: the form
/// it sends, part by part, and the checks that stop a call before anything is sent.
/// </summary>
public class GeneratedFormClientTests
{
    private static StubHandler Unreachable() => new((_, _) => throw new InvalidOperationException("Nothing may be sent."));

    private static FilePart Firmware() => new(new MemoryStream(Encoding.ASCII.GetBytes("FW\r\n--x")), "fw.bin");

    [Fact]
    public async Task An_upload_sends_each_part_in_schema_order_as_text_file_or_JSON()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

        await handler.CreateUploadsClient().UploadFirmwareAsync(
            "product-1", Firmware(), "1.2.3", priority: 7, channel: global::Uploads.Channel.Beta, signed: true, ratio: 0.25,
            tags: new[] { "a", "b" }, release: new UploadFirmwareRelease { Notes = "n", Urgent = true }, dryRun: true);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v5/iot/project-1/products/product-1/firmware?dry_run=true", request.Uri.PathAndQuery);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        var boundary = request.ContentType!.Substring("multipart/form-data; boundary=".Length);
        string Text(string name, string value) => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";
        Assert.Equal(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\nFW\r\n--x\r\n" +
            Text("version", "1.2.3") + Text("priority", "7") + Text("channel", "beta") + Text("signed", "true") + Text("ratio", "0.25") +
            Text("tags", "a") + Text("tags", "b") +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"release\"\r\nContent-Type: application/json\r\n\r\n{{\"notes\":\"n\",\"urgent\":true}}\r\n" +
            $"--{boundary}--\r\n",
            request.Body);
    }

    [Fact]
    public async Task IoTDAs_upload_without_a_file_sends_no_body()
    {
        var handler = StubHandler.Answering("""{"file_id":"f1","file_name":"a.xlsx"}""");

        var stored = await handler.CreateUploadsClient().UploadBatchTaskFileAsync();

        Assert.Equal("f1", stored.FileId);
        Assert.Null(Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task A_form_field_that_breaks_a_rule_of_the_spec_stops_the_call_before_anything_is_sent()
    {
        var client = Unreachable().CreateUploadsClient();

        var missingFile = await Assert.ThrowsAsync<ArgumentNullException>(() => client.UploadFirmwareAsync("p", null!, "1.0"));
        var badVersion = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFirmwareAsync("p", Firmware(), "v1"));
        var tooManyTags = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFirmwareAsync("p", Firmware(), "1", tags: new[] { "a", "b", "c", "d" }));
        var outOfRange = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFirmwareAsync("p", Firmware(), "1", priority: 11));
        var emptyNotes = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFirmwareAsync("p", Firmware(), "1", release: new UploadFirmwareRelease { Notes = "" }));

        Assert.Equal("file", missingFile.ParamName);
        Assert.Contains("version", badVersion.Message, StringComparison.Ordinal);
        Assert.Contains("tags has 4 items", tooManyTags.Message, StringComparison.Ordinal);
        Assert.Contains("priority", outOfRange.Message, StringComparison.Ordinal);
        Assert.Contains("release.notes", emptyNotes.Message, StringComparison.Ordinal);
    }
}
