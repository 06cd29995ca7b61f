using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Emulator.Http;
using IoTDA.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IoTDA.Emulator;

/// <summary>
/// The IoTDA v5 API (device policies, products and devices; every other operation answers 501) and its API gateway,
/// in process, over real HTTP on a loopback port: for integration tests and samples that need no cloud account.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await IoTDAEmulator.StartAsync();
/// var options = new IoTDAClientOptions
/// {
///     Endpoint = emulator.Endpoint,
///     ProjectId = emulator.ProjectId,
///     Credentials = new AkSkCredentials(emulator.AccessKey, emulator.SecretKey),
/// };
/// </code>
/// </example>
public sealed class IoTDAEmulator : IAsyncDisposable
{
    private readonly WebApplication _application;
    private readonly IoTDAEmulatorOptions _options;
    private int _disposed;

    private IoTDAEmulator(WebApplication application, IoTDAEmulatorOptions options, Uri endpoint)
    {
        _application = application;
        _options = options;
        Endpoint = endpoint;
    }

    /// <summary>The root to send requests to, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The access key the emulator accepts signatures from.</summary>
    public string AccessKey => _options.AccessKey;

    /// <summary>The secret key the emulator checks signatures with.</summary>
    public string SecretKey => _options.SecretKey;

    /// <summary>The project ID the paths must carry.</summary>
    public string ProjectId => _options.ProjectId;

    /// <summary>The instance requests without an <c>Instance-Id</c> header go to.</summary>
    public string InstanceId => _options.InstanceId;

    /// <summary>The IAM token accepted in <c>X-Auth-Token</c>.</summary>
    public string Token => _options.Token;

    /// <summary>Starts an emulator on a loopback port and returns once it accepts requests.</summary>
    /// <param name="options">Credentials, state file and port; the defaults when null. Copied: later changes have no effect.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="System.IO.InvalidDataException">The state file exists but cannot be read.</exception>
    public static async Task<IoTDAEmulator> StartAsync(IoTDAEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new IoTDAEmulatorOptions()).Copy().Validated();
        var application = Build(settings, Array.Empty<string>(), requestLog: null, builder =>
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port)));
        try
        {
            await application.StartAsync(cancellationToken).ConfigureAwait(false);
            return new IoTDAEmulator(application, settings, ListeningAddress(application));
        }
        catch
        {
            await application.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops listening and releases the port; the state file, if any, already holds every change.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _application.StopAsync().ConfigureAwait(false);
        await _application.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The application both the in-process emulator and the standalone process run.</summary>
    /// <param name="options">The validated settings.</param>
    /// <param name="args">Command-line arguments for the host's configuration.</param>
    /// <param name="requestLog">Told one line per answered request; null for silence.</param>
    /// <param name="configureServer">Says where Kestrel listens.</param>
    internal static WebApplication Build(
        IoTDAEmulatorOptions options, string[] args, Action<string>? requestLog, Action<WebApplicationBuilder> configureServer)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(IoTDAEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Hermetic: a test host's appsettings.json or ASPNETCORE_*/Kestrel__* variables must not add endpoints or
        // settings to an emulator; everything it needs comes from its options.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        configureServer(builder);

        var state = new EmulatorState(options.StateFilePath);
        var application = builder.Build();
        EmulatorPipeline.Configure(application, options, state, requestLog);

        // Stopping folds the journal into the state file: between runs the file the user named holds everything.
        application.Lifetime.ApplicationStopped.Register(state.Close);
        return application;
    }

    internal static Uri ListeningAddress(WebApplication application)
    {
        var addresses = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator started but reports no address it listens on.");
        return new Uri(address.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal));
    }
}
