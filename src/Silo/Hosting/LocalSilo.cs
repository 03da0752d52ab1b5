using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Hosting;

/// <summary>
/// A whole Anneal cluster in this process: one silo with localhost clustering on free loopback ports, in-memory state
/// (or Redis), checkpoints in a folder, and training slots. <see cref="Grains"/> talks to it directly.
/// </summary>
/// <example>
/// await using var silo = await LocalSilo.StartAsync(new LocalSiloOptions { CheckpointDirectory = "sweeps/.checkpoints" });
/// var summary = await silo.Grains.GetGrain&lt;ISweepGrain&gt;(SweepIds.New()).Start(spec);
/// </example>
public sealed class LocalSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalSilo(IHost host, AnnealSiloOptions options)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        Options = options;
    }

    /// <summary>The silo's effective options: ports and ids a separate client needs to connect through the gateway.</summary>
    public AnnealSiloOptions Options { get; }

    /// <summary>The cluster's grains, e.g. ISweepGrain and IRunGrain.</summary>
    public IClusterClient Grains { get; }

    public IServiceProvider Services => _host.Services;

    /// <exception cref="AnnealConfigurationException">Invalid options.</exception>
    public static async Task<LocalSilo> StartAsync(LocalSiloOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalSiloOptions();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        AnnealSiloOptions? effective = null;
        builder.AddAnnealSilo(o =>
        {
            o.Clustering = ClusteringMode.Localhost;
            o.Storage = options.Storage;
            o.Redis = options.Redis;
            o.SiloPort = options.SiloPort == 0 ? FreePorts.Pick() : options.SiloPort;
            o.GatewayPort = options.GatewayPort == 0 ? FreePorts.Pick() : options.GatewayPort;
            o.HttpPort = 0;
            o.Checkpoints = options.CheckpointDirectory;
            o.Slots = options.Slots;
            o.Threads = options.Threads;
            o.Device = options.Device;
            o.Train = options.Train;
            // A cluster of its own: never joins, or is joined by, anything else on this machine.
            o.ClusterId = $"anneal-local-{Guid.NewGuid():N}";
            options.Configure?.Invoke(o);
            effective = o;
        });
        if (options.ConfigureGrains is { } configureGrains) builder.Services.Configure(configureGrains);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new LocalSilo(host, effective!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
