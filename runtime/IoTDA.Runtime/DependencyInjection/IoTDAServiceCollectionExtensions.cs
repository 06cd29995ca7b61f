using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IoTDA.Runtime;

/// <summary>Registers generated clients as typed <see cref="System.Net.Http.HttpClient"/>s through IHttpClientFactory.</summary>
public static class IoTDAServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client, constructor <c>(HttpClient, IoTDAClientOptions)</c>)
    /// with options named after the client, so several clients can hold different settings.
    /// </summary>
    public static IHttpClientBuilder AddIoTDAClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, Action<IoTDAClientOptions> configure)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var name = typeof(TClient).Name;
        services.AddOptions<IoTDAClientOptions>(name)
            .Configure<IServiceProvider>((options, provider) =>
            {
                options.LoggerFactory = provider.GetService<ILoggerFactory>();
                options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            })
            .Configure(configure);

        return services
            .AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => Redirects.DisableOn(handler))
            // The factory's own loggers write each request's full URI: IDs in the path and an API key a spec puts in
            // the query would reach the logs. The client logs every call itself, by path template (Log.CallCompleted).
            .RemoveAllLoggers()
            .AddTypedClient((httpClient, provider) => ActivatorUtilities.CreateInstance<TClient>(
                provider, httpClient, provider.GetRequiredService<IOptionsMonitor<IoTDAClientOptions>>().Get(name)));
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> with options read from flat configuration keys (see
    /// <see cref="IoTDAConfiguration"/>), then <paramref name="configure"/> if given.
    /// </summary>
    public static IHttpClientBuilder AddIoTDAClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, IConfiguration configuration, Action<IoTDAClientOptions>? configure = null)
        where TClient : class
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddIoTDAClient<TClient>(options =>
        {
            IoTDAConfiguration.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }
}
