using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IoTDA.Emulator;

/// <summary>The emulator as a process: <c>dotnet run --project emulator/IoTDA.Emulator -- --urls http://127.0.0.1:5080</c>.</summary>
internal static class Program
{
    private const string DefaultUrls = "http://127.0.0.1:5080";

    private const string Usage = """
        IoTDA emulator: the IoTDA v5 API (device policies, products, devices; every other operation answers 501)
        and its API gateway, in memory.

        Options (all optional):
          --urls <urls>                       where to listen (default http://127.0.0.1:5080)
          --state-file <path>                 keep the state in this JSON file across restarts
          --access-key <ak> --secret-key <sk> the credentials signatures are checked against
          --project-id <id> --instance-id <id> --token <token>
          --require-derived-signing true      reject plain SDK-HMAC-SHA256 signatures
          --strict-targets true               bind only devices and products created in the emulator
          --quiet true                        no line per request
        """;

    public static async Task<int> Main(string[] args)
    {
        if (Array.Exists(args, argument => argument is "--help" or "-h" or "-?"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
            var defaults = new IoTDAEmulatorOptions();
            var options = new IoTDAEmulatorOptions
            {
                AccessKey = configuration["access-key"] ?? defaults.AccessKey,
                SecretKey = configuration["secret-key"] ?? defaults.SecretKey,
                ProjectId = configuration["project-id"] ?? defaults.ProjectId,
                InstanceId = configuration["instance-id"] ?? defaults.InstanceId,
                Token = configuration["token"] ?? defaults.Token,
                StateFilePath = configuration["state-file"],
                RequireDerivedSigning = string.Equals(configuration["require-derived-signing"], "true", StringComparison.OrdinalIgnoreCase),
                StrictTargets = string.Equals(configuration["strict-targets"], "true", StringComparison.OrdinalIgnoreCase),
            }.Validated();
            var urls = configuration["urls"] ?? DefaultUrls;
            var quiet = string.Equals(configuration["quiet"], "true", StringComparison.OrdinalIgnoreCase);

            await using var application = IoTDAEmulator.Build(
                options, args, quiet ? null : Console.WriteLine, builder => builder.WebHost.UseUrls(urls));
            await application.StartAsync().ConfigureAwait(false);
            var endpoint = IoTDAEmulator.ListeningAddress(application).GetLeftPart(UriPartial.Authority);
            Console.WriteLine($"""
                IoTDA emulator listening on {endpoint}
                  access key   {options.AccessKey}
                  secret key   {options.SecretKey}   (emulator-only credentials)
                  project id   {options.ProjectId}
                  instance id  {options.InstanceId}
                  token        {options.Token}
                  state        {(options.StateFilePath is null ? "in memory only" : Path.GetFullPath(options.StateFilePath))}
                Point the quick start at it:
                  IOTDA_ENDPOINT={endpoint} IOTDA_AK={options.AccessKey} IOTDA_SK={options.SecretKey} IOTDA_PROJECT_ID={options.ProjectId} dotnet run --project samples/QuickStart
                Press Ctrl+C to stop. One line per request follows (--quiet true turns them off).
                """);
            await application.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine("The emulator could not start: " + exception.Message);
            return 1;
        }
    }
}
