using Anneal.Contracts.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Anneal.Silo.Hosting;

namespace Anneal.Silo.Tests.Infrastructure;

/// <summary>One test's cluster: fresh ids on the shared Redis, its silo processes, and a client.</summary>
public sealed class TestCluster(string redis) : IAsyncDisposable
{
    public TestCluster(RedisServer server) : this(server.ConnectionString)
    {
    }

    private readonly List<SiloProcess> _silos = [];
    private readonly List<IHost> _clients = [];

    public string Redis => redis;
    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];
    public string ServiceId { get; } = "svc-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public SiloProcess StartSilo(params string[] extra) => StartSilo(new Dictionary<string, string>(), extra);

    public SiloProcess StartSilo(IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var silo = SiloProcess.Start(this, environment, extra);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>A client of the cluster, once <paramref name="silos"/> silos are active in it.</summary>
    public async Task<IClusterClient> ConnectAsync(int silos = 1)
    {
        var host = await Eventually.Get(TryStartClientAsync, started => started is not null, "a client to connect", TimeSpan.FromSeconds(60));
        _clients.Add(host!);
        var client = host!.Services.GetRequiredService<IClusterClient>();
        await Eventually.Get(async () => (await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count,
            count => count == silos, $"{silos} active silo(s)", TimeSpan.FromSeconds(60));
        return client;
    }

    private async Task<IHost?> TryStartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(Redis));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch (Exception)
        {
            host.Dispose();
            return null;
        }
    }

    public SiloProcess HolderOf(RunSummary run) =>
        _silos.SingleOrDefault(s => s.Hosts(run.Worker)) ?? throw new InvalidOperationException($"no silo of this test holds {run.Worker}");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.StopAsync(stop.Token);
            }
            catch (Exception)
            {
            }
            client.Dispose();
        }
        foreach (var silo in _silos) await silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
