using System.Net;
using Anneal.Silo.Checkpoints;
using Anneal.Silo.Datasets;
using Anneal.Silo.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Anneal.Silo.Hosting;

public static class AnnealSiloHostingExtensions
{
    /// <summary>
    /// Adds the silo's configuration layers on top of the host's: environment variables prefixed ANNEAL_
    /// (ANNEAL_Anneal__Slots=2), then the command-line switches of <see cref="AnnealCommandLine"/>, which win.
    /// </summary>
    /// <exception cref="AnnealConfigurationException">An unknown switch.</exception>
    public static IHostApplicationBuilder AddAnnealConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        AnnealCommandLine.CheckKnown(args);
        builder.Configuration.AddEnvironmentVariables("ANNEAL_");
        builder.Configuration.AddCommandLine(args, AnnealCommandLine.SwitchMappings.ToDictionary());
        return builder;
    }

    /// <summary>
    /// Hosts an Anneal silo in this process: the Orleans silo with Anneal's grains, the checkpoint store, and (unless
    /// <see cref="AnnealSiloOptions.Train"/> is off) the training worker. Options come from the "Anneal" section, then
    /// <paramref name="configure"/>; they are validated here, so a bad setting fails before anything starts.
    /// </summary>
    /// <exception cref="AnnealConfigurationException">Every invalid setting, in one message.</exception>
    public static IHostApplicationBuilder AddAnnealSilo(this IHostApplicationBuilder builder, Action<AnnealSiloOptions>? configure = null)
    {
        var options = new AnnealSiloOptions();
        try
        {
            builder.Configuration.GetSection(AnnealSiloOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new AnnealConfigurationException(e.Message);
        }
        configure?.Invoke(options);
        var validation = new AnnealSiloOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new AnnealConfigurationException(string.Join(Environment.NewLine, validation.Failures));
        var gateway = AnnealSiloBuilderExtensions.AdvertisedAddress(options);
        if (!IPAddress.IsLoopback(gateway) && !options.Insecure)
            throw new AnnealConfigurationException(
                $"the gateway would listen on {gateway}:{options.GatewayPort} without TLS or authentication, so anyone who reaches it could submit, "
                + "cancel and read sweeps: pass --insecure=true where a firewall or NetworkPolicy admits only trusted clients "
                + "(as deploy/k8s does), or --advertise 127.0.0.1 to keep it on this machine");

        builder.Services.AddSingleton<IOptions<AnnealSiloOptions>>(Options.Create(options));
        builder.UseOrleans(silo => silo.AddAnneal(options));
        builder.Services.AddSingleton<ICheckpointStore>(services => CreateCheckpointStore(options, services));
        builder.Services.AddSingleton<Anneal.Grains.Sweeps.IRunCheckpointEraser, CheckpointStoreEraser>();
        var dataRoots = new DataRoots(options.DataRoot);
        builder.Services.AddSingleton(dataRoots);
        builder.Services.AddSingleton(new DatasetCache(options.DatasetCacheSize, dataRoots));
        if (options.UsesRedis)
        {
            builder.Services.AddHostedService(services => new RedisMemoryMetrics(
                RedisConnection.Parse(options.Redis!), services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
                services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisMemoryMetrics>>()));
        }
        // Registered after the silo: hosted services stop in reverse order, so slots hand their runs back while the
        // silo is still in the cluster.
        if (options.Train) builder.Services.AddHostedService<TrainingWorker>();
        if (options.Train) builder.Services.AddHostedService<DatasetInventoryPublisher>();
        return builder;
    }

    /// <summary>Also serves HTTP on <see cref="AnnealSiloOptions.HttpPort"/> (loopback only when the silo advertises loopback).</summary>
    public static WebApplicationBuilder AddAnnealSilo(this WebApplicationBuilder builder, Action<AnnealSiloOptions>? configure = null)
    {
        ((IHostApplicationBuilder)builder).AddAnnealSilo(configure);
        var options = builder.Services.BuildAnnealOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = AnnealSiloBuilderExtensions.AdvertisedAddress(options);
            if (IPAddress.IsLoopback(address) || options.HttpPort == 0) kestrel.Listen(IPAddress.Loopback, options.HttpPort);
            else kestrel.ListenAnyIP(options.HttpPort);
        });
        return builder;
    }

    private static AnnealSiloOptions BuildAnnealOptions(this IServiceCollection services) =>
        ((IOptions<AnnealSiloOptions>)services.Last(d => d.ServiceType == typeof(IOptions<AnnealSiloOptions>)).ImplementationInstance!).Value;

    private static ICheckpointStore CreateCheckpointStore(AnnealSiloOptions options, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<ICheckpointStore>();
        if (!options.CheckpointsInRedis) return new FileCheckpointStore(options.Checkpoints, logger);
        var redis = ConnectionMultiplexer.Connect(RedisConnection.Parse(options.Redis!));
        return new RedisCheckpointStore(redis, options.ServiceId, logger);
    }
}
