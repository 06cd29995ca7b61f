using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IoTDA.Generator.Tests.OperationCalls;
using IoTDA.Generator.Tests.SpecReading;
using IoTDA.Runtime;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// Every operation of the bundled spec, called through the client generated into this assembly with a value for
/// every parameter and every body member: the request must carry the spec's method, path (values percent-encoded,
/// the project from the options), query names and values, header parameters and body members, nothing missing and
/// nothing extra. The spec is read with YamlDotNet, not with the generator's reader.
/// </summary>
public class EveryOperationTests
{
    /// <summary>With a space, so the path shows whether the project is percent-encoded too.</summary>
    private const string ProjectId = "proj 1";

    private const int OperationCount = 173;

    private static readonly RecordingHandler Handler = new();

    // No InstanceId in the options: the Instance-Id header on the wire must be the argument's.
    private static readonly IoTDAClient Client = new(new HttpClient(Handler), new IoTDAClientOptions
    {
        Endpoint = new Uri("https://iotda.example.test"),
        ProjectId = ProjectId,
        Credentials = new AkSkCredentials("AccessKey", "SecretKey"),
        Retry = { MaxRetries = 0 },
    });

    public static TheoryData<string> OperationIds => new(SpecOperation.Bundled.Select(operation => operation.OperationId));

    /// <summary>Ways to spoil a correct recording; the checker must notice each.</summary>
    public enum Doctoring
    {
        SwappedPathSegments,
        OtherMethod,
        RenamedQueryParameter,
        ChangedQueryValue,
        RenamedHeader,
        RenamedNestedBodyMember,
        NestedBodyMemberMovedUp,
    }

    [Fact]
    public void The_spec_reads_as_173_operations_with_distinct_ids()
    {
        var ids = SpecOperation.Bundled.Select(operation => operation.OperationId).ToArray();

        Assert.Equal(OperationCount, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Sends_what_the_spec_describes(string operationId)
    {
        var (expected, recorded) = await CallAsync(operationId);

        var mismatches = RequestChecker.Mismatches(expected, recorded);

        Assert.True(mismatches.Count == 0, $"{operationId} sent a request the spec does not describe:\n  {string.Join("\n  ", mismatches)}");
    }

    [Theory]
    [InlineData(Doctoring.SwappedPathSegments, "path: ")]
    [InlineData(Doctoring.OtherMethod, "method: ")]
    [InlineData(Doctoring.RenamedQueryParameter, "query ")]
    [InlineData(Doctoring.ChangedQueryValue, "query ")]
    [InlineData(Doctoring.RenamedHeader, "header ")]
    [InlineData(Doctoring.RenamedNestedBodyMember, "body $.")]
    [InlineData(Doctoring.NestedBodyMemberMovedUp, "body $.")]
    public async Task The_checker_reports_a_doctored_recording_of_a_correct_call(Doctoring doctoring, string reported)
    {
        var operation = SpecOperation.Bundled.First(candidate => Suits(candidate, doctoring));
        var (expected, recorded) = await CallAsync(operation.OperationId);
        Assert.Empty(RequestChecker.Mismatches(expected, recorded));

        var mismatches = RequestChecker.Mismatches(expected, Doctor(recorded, operation, doctoring));

        Assert.Contains(mismatches, mismatch => mismatch.StartsWith(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void The_multipart_reader_finds_each_part_with_its_name_file_name_and_bytes()
    {
        var body = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.xlsx\"\r\nContent-Type: application/vnd.ms-excel\r\n\r\n\u00ffx\r\n--b1\r\n" +
                   "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--b1--\r\n";

        var parts = FormBody.Parse(System.Text.Encoding.Latin1.GetBytes(body), "b1");

        Assert.Equal(new[] { ("file", (string?)"devices.xlsx"), ("note", null) }, parts.Select(p => (p.Name, p.FileName)));
        Assert.Equal(new byte[] { 0xFF, (byte)'x' }, parts[0].Content);
        Assert.Equal("hello"u8.ToArray(), parts[1].Content);
    }

    [Fact]
    public void The_form_checker_accepts_the_parts_the_spec_names()
    {
        Assert.Empty(RequestChecker.Mismatches(UploadExpectation, RecordedUpload("file", "devices.xlsx")));
    }

    [Theory]
    [InlineData("files", "devices.xlsx", "body part file: sent 0 times")]
    [InlineData("files", "devices.xlsx", "body part files: not in the spec")]
    [InlineData("file", "other.xlsx", "body part file: expected file name devices.xlsx")]
    public void The_form_checker_reports_a_part_under_another_name_or_file_name(string sentName, string sentFileName, string reported)
    {
        var mismatches = RequestChecker.Mismatches(UploadExpectation, RecordedUpload(sentName, sentFileName));

        Assert.Contains(mismatches, mismatch => mismatch.StartsWith(reported, StringComparison.Ordinal));
    }

    private static ExpectedRequest UploadExpectation => new(
        HttpMethod.Post,
        "/upload",
        Array.Empty<KeyValuePair<string, string>>(),
        Array.Empty<KeyValuePair<string, string>>(),
        ExpectedBody.OfForm(new[] { new FormPart("file", "devices.xlsx", "rows"u8.ToArray()) }));

    private static RecordedRequest RecordedUpload(string name, string fileName) => new(
        HttpMethod.Post,
        "/upload",
        "",
        Array.Empty<KeyValuePair<string, string>>(),
        "multipart/form-data; boundary=\"b1\"",
        System.Text.Encoding.ASCII.GetBytes($"--b1\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\n\r\nrows\r\n--b1--\r\n"));

    private static async Task<(ExpectedRequest Expected, RecordedRequest Recorded)> CallAsync(string operationId)
    {
        var operation = SpecOperation.Bundled.Single(candidate => candidate.OperationId == operationId);
        var method = typeof(IoTDAClient).GetMethod(operationId + "Async", BindingFlags.Public | BindingFlags.Instance);
        if (method is null)
        {
            Assert.Fail(operation.RequestBody is { IsJson: false } body
                ? $"IoTDAClient has no {operationId}Async: the spec describes it with a {body.MediaType} request body, which the generator does not generate yet."
                : $"IoTDAClient has no {operationId}Async, though the spec describes the operation.");
        }

        var call = CallPlanner.Plan(operation, method, ProjectId);
        Handler.Reset(operation.SuccessStatus);
        Exception? failure = null;
        try
        {
            await (Task)method.Invoke(Client, call.Arguments)!;
        }
        catch (Exception exception)
        {
            failure = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        }

        Assert.True(failure is null, $"{operationId}Async threw for a valid call answered {operation.SuccessStatus}: {failure}");
        var requests = Handler.Requests;
        Assert.True(requests.Count == 1, $"{operationId}Async sent {requests.Count} requests; one was expected.");
        return (call.Expected, requests[0]);
    }

    private static bool Suits(SpecOperation operation, Doctoring doctoring) => doctoring switch
    {
        Doctoring.SwappedPathSegments => operation.Parameters.Count(p => p.In == "path" && p.Name != CallPlanner.ProjectIdParameter) >= 2,
        Doctoring.OtherMethod => true,
        Doctoring.RenamedQueryParameter or Doctoring.ChangedQueryValue => operation.Parameters.Any(p => p.In == "query"),
        Doctoring.RenamedHeader => operation.Parameters.Any(p => p.In == "header"),
        Doctoring.RenamedNestedBodyMember or Doctoring.NestedBodyMemberMovedUp =>
            operation.RequestBody is { IsJson: true } body && body.Schema.Properties.Any(p => p.Schema.Kind == SchemaKind.Object),
        _ => throw new ArgumentOutOfRangeException(nameof(doctoring), doctoring, null),
    };

    private static RecordedRequest Doctor(RecordedRequest recorded, SpecOperation operation, Doctoring doctoring)
    {
        switch (doctoring)
        {
            case Doctoring.SwappedPathSegments:
                var template = operation.PathTemplate.Split('/');
                var segments = recorded.Path.Split('/');
                var parameters = Enumerable.Range(0, template.Length).Where(i => template[i].StartsWith('{') && template[i] != "{" + CallPlanner.ProjectIdParameter + "}").ToArray();
                (segments[parameters[0]], segments[parameters[1]]) = (segments[parameters[1]], segments[parameters[0]]);
                return recorded with { Path = string.Join('/', segments) };
            case Doctoring.OtherMethod:
                return recorded with { Method = recorded.Method == HttpMethod.Post ? HttpMethod.Put : HttpMethod.Post };
            case Doctoring.RenamedQueryParameter:
                return recorded with { Query = "?x" + recorded.Query.TrimStart('?') };
            case Doctoring.ChangedQueryValue:
                var query = RequestChecker.ParseQuery(recorded.Query);
                return recorded with { Query = "?" + string.Join('&', query.Select((pair, i) => pair.Key + "=" + Uri.EscapeDataString(i == 0 ? pair.Value + "x" : pair.Value))) };
            case Doctoring.RenamedHeader:
                var header = operation.Parameters.First(p => p.In == "header").Name;
                return recorded with
                {
                    Headers = recorded.Headers.Select(h => h.Key.Equals(header, StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key + "-X", h.Value) : h).ToArray(),
                };
            case Doctoring.RenamedNestedBodyMember:
            case Doctoring.NestedBodyMemberMovedUp:
                var root = JsonNode.Parse(recorded.Body)!.AsObject();
                var nested = root.Select(member => member.Value).OfType<JsonObject>().First(inner => inner.Count > 0);
                var (name, value) = nested.First();
                nested.Remove(name);
                (doctoring == Doctoring.RenamedNestedBodyMember ? nested : root)[doctoring == Doctoring.RenamedNestedBodyMember ? name + "x" : name] = value;
                return recorded with { Body = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()) };
            default:
                throw new ArgumentOutOfRangeException(nameof(doctoring), doctoring, null);
        }
    }
}
