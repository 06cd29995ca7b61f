using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>One part of a multipart/form-data body as ASP.NET Core's reader finds it.</summary>
public sealed record ReadPart(string Name, string? FileName, string? ContentType, byte[] Body);

/// <summary>Reads a recorded form body back with ASP.NET Core's MultipartReader, the parser a service would use.</summary>
public static class MultipartParts
{
    public static string Boundary(SentRequest sent)
    {
        var contentType = MediaTypeHeaderValue.Parse(sent.Header("Content-Type"));
        return HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
    }

    public static async Task<List<ReadPart>> ReadAsync(SentRequest sent)
    {
        var reader = new MultipartReader(Boundary(sent), new MemoryStream(sent.Body));
        var parts = new List<ReadPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add(new ReadPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray()));
        }

        return parts;
    }
}
