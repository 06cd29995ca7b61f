using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime.Tests.Support;
using Xunit;

namespace IoTDA.Runtime.Tests.Http;

/// <summary>What a form accepts before anything is sent: file parts, part names, one kind of body, the boundary.</summary>
public sealed class FormInputTests
{
    [Fact]
    public void A_file_part_keeps_what_it_was_given_and_defaults_to_octet_stream()
    {
        var stream = new MemoryStream(new byte[] { 1 });

        var plain = new FilePart(stream, "设备 ü.csv");
        var typed = new FilePart(stream, "a.csv", "text/csv; charset=utf-8");

        Assert.Same(stream, plain.Content);
        Assert.Equal("设备 ü.csv", plain.FileName);
        Assert.Equal("application/octet-stream", plain.ContentType);
        Assert.Equal("text/csv; charset=utf-8", typed.ContentType);
    }

    [Fact]
    public void A_missing_stream_or_file_name_is_an_ArgumentNullException_naming_it()
    {
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => new FilePart(null!, "a.csv")).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentNullException>(() => new FilePart(new MemoryStream(), null!)).ParamName);
    }

    [Fact]
    public void A_stream_that_cannot_be_read_is_rejected()
    {
        var disposed = new MemoryStream();
        disposed.Dispose();

        var error = Assert.Throws<ArgumentException>(() => new FilePart(disposed, "a.csv"));

        Assert.Equal("content", error.ParamName);
        Assert.Contains("cannot be read", error.Message);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be empty")]
    [InlineData("a\r\nContent-Type: text/html.csv", "U+000D at position 1")]
    [InlineData("a\nb.csv", "U+000A at position 1")]
    [InlineData("say \"hi\".csv", "'\"' at position 4")]
    [InlineData("C:\\files\\a.csv", "'\\' at position 2")]
    [InlineData("tab\there.csv", "U+0009 at position 3")]
    [InlineData("nul\0.csv", "U+0000 at position 3")]
    public void A_file_name_that_would_break_the_header_is_rejected_naming_the_character(string fileName, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new FilePart(new MemoryStream(), fileName));

        Assert.Equal("fileName", error.ParamName);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("\r", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("text/plain\r\nX-Evil: 1", "U+000D at position 10")]
    [InlineData("text/plain; charset=\"utf-8\"", "'\"' at position 20")]
    [InlineData("text/plaïn", "U+00EF at position 8")]
    [InlineData("csv", "not of the form type/subtype")]
    [InlineData("text/", "not of the form type/subtype")]
    [InlineData("/csv", "not of the form type/subtype")]
    [InlineData("text; charset=a/b", "not of the form type/subtype")]
    public void A_content_type_that_would_break_the_header_is_rejected(string contentType, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new FilePart(new MemoryStream(), "a.csv", contentType));

        Assert.Equal("contentType", error.ParamName);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fi\"le")]
    [InlineData("fi\r\nle")]
    public void A_part_name_that_would_break_the_header_is_rejected(string name)
    {
        var request = new IoTDARequest("Upload", HttpMethod.Post, "/files");

        Assert.Equal("name", Assert.Throws<ArgumentException>(() => request.AddFormField(name, "v")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => request.AddFormFile(name, null)).ParamName);
    }

    [Fact]
    public void Null_values_add_no_part()
    {
        var request = new IoTDARequest("Upload", HttpMethod.Post, "/files");

        request.AddFormField("a", (string?)null);
        request.AddFormField("b", (long?)null);
        request.AddFormField("c", (bool?)null);
        request.AddFormField("d", (IEnumerable<string>?)null);
        request.AddFormFile("e", null);

        Assert.Empty(request.FormParts);
    }

    [Fact]
    public void Scalars_are_written_in_the_invariant_culture()
    {
        var request = new IoTDARequest("Upload", HttpMethod.Post, "/files");
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            request.AddFormField("ratio", 1.5);
            request.AddFormField("count", -12345678901L);
            request.AddFormField("on", true);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        Assert.Equal(new[] { "1.5", "-12345678901", "true" }, Values(request.FormParts));
    }

    [Fact]
    public void A_request_has_either_a_JSON_body_or_form_parts()
    {
        var jsonFirst = new IoTDARequest("Upload", HttpMethod.Post, "/files");
        jsonFirst.SetJsonBody(1, static (writer, value) => writer.WriteNumberValue(value));
        var formFirst = new IoTDARequest("Upload", HttpMethod.Post, "/files");
        formFirst.AddFormField("a", "b");

        var afterJson = Assert.Throws<InvalidOperationException>(() => jsonFirst.AddFormFile("file", new FilePart(new MemoryStream(), "a.csv")));
        var afterForm = Assert.Throws<InvalidOperationException>(() => formFirst.SetJsonBody(1, static (writer, value) => writer.WriteNumberValue(value)));

        Assert.Contains("The request for Upload would carry both a JSON body and form parts", afterJson.Message);
        Assert.Equal(afterJson.Message, afterForm.Message);
    }

    [Fact]
    public async Task The_boundary_is_one_that_no_value_or_buffered_file_contains()
    {
        var candidates = new Queue<string>(new[] { "first", "second", "third" });
        var parts = new[]
        {
            FormPart.Text("a", Encoding.UTF8.GetBytes("text with --first inside")),
            FormPart.ForFile("f", new FilePart(new UnsizedStream(Encoding.UTF8.GetBytes("file with\r\n--second\r\n")), "f.txt")),
        };
        var body = new MultipartFormBody("Upload", parts, candidates.Dequeue);

        await body.PrepareAsync(CancellationToken.None);

        Assert.Equal("third", body.Boundary);
        using var content = body.CreateContent();
        Assert.Equal("multipart/form-data; boundary=third", string.Join(",", content.Headers.GetValues("Content-Type")));
        Assert.Equal(body.Length, (await content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_stream_left_half_read_by_a_stopped_attempt_is_not_sent_again()
    {
        var body = new MultipartFormBody("Upload", new[] { FormPart.ForFile("f", new FilePart(new CancelledStream(), "f.txt")) });

        await Assert.ThrowsAsync<OperationCanceledException>(() => body.PrepareAsync(CancellationToken.None).AsTask());
        var error = await Assert.ThrowsAsync<FilePartReadException>(() => body.PrepareAsync(CancellationToken.None).AsTask());

        Assert.StartsWith("Upload cannot send the file 'f.txt' of the form part 'f' again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seekable_stream_that_shrinks_after_the_call_started_fails_instead_of_sending_a_wrong_length()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[100]);
        stream.Position = 0;
        var body = new MultipartFormBody("Upload", new[] { FormPart.ForFile("f", new FilePart(stream, "f.bin")) });
        await body.PrepareAsync(CancellationToken.None);
        stream.SetLength(40);

        using var content = body.CreateContent();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => content.ReadAsByteArrayAsync());

        Assert.Contains("the file 'f.bin' of the form part 'f' ended after 40 of the 100 bytes it had when Upload started", error.Message);
    }

    private sealed class CancelledStream : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new OperationCanceledException();
    }

    private static IEnumerable<string> Values(IReadOnlyList<FormPart> parts)
    {
        foreach (var part in parts)
        {
            yield return Encoding.UTF8.GetString(part.Value!);
        }
    }
}
