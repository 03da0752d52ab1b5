using System.Net;
using System.Net.Sockets;
using Anneal.Grains;
using Anneal.Grains.Hosting;
using Orleans.Configuration;

namespace Anneal.Silo.Hosting;

public static class AnnealSiloBuilderExtensions
{
    /// <summary>
    /// Configures an Orleans silo for Anneal: clustering, endpoints, the grain storage the grains use, membership timings
    /// that declare a killed or frozen silo dead within seconds, and the grains' services.
    /// </summary>
    public static ISiloBuilder AddAnneal(this ISiloBuilder silo, AnnealSiloOptions options)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        ConfigureClustering(silo, options);
        ConfigureStorage(silo, options);

        // Measured (docs/cluster.md, "Orleans behaviour Anneal relies on"): defaults take 12.5 s to declare a killed silo dead and ~60 s for a frozen one;
        // with these, about one and seven seconds. Lease expiry then moves its runs.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.EnableConnectionLivenessCheck = false;
        });
        silo.Services.AddAnnealGrains();
        return silo;
    }

    private static void ConfigureClustering(ISiloBuilder silo, AnnealSiloOptions options)
    {
        switch (options.Clustering)
        {
            case ClusteringMode.Localhost:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                break;
            case ClusteringMode.Redis:
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(options.Redis!));
                var address = AdvertisedAddress(options);
                silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                break;
            case ClusteringMode.Kubernetes:
                // Pod name, IP and the cluster/service ids come from the pod (ORLEANS_* and POD_* variables);
                // the membership table stays in Redis.
                silo.UseKubernetesHosting();
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(options.Redis!));
                silo.Configure<EndpointOptions>(o =>
                {
                    o.SiloPort = options.SiloPort;
                    o.GatewayPort = options.GatewayPort;
                });
                break;
        }
    }

    private static void ConfigureStorage(ISiloBuilder silo, AnnealSiloOptions options)
    {
        // Both with the same serializer, so tests on memory storage store state exactly as Redis does.
        if (options.Storage == StorageMode.Redis)
            silo.AddRedisGrainStorage(AnnealStorage.Name, o => o.Configure<IServiceProvider>((redis, services) =>
            {
                redis.ConfigurationOptions = RedisConnection.Parse(options.Redis!);
                redis.GrainStorageSerializer = AnnealStorage.Serializer(services);
                // A deleted sweep leaves no key behind (by default, clearing state keeps an empty record).
                redis.DeleteStateOnClear = true;
            }));
        else
            silo.AddMemoryGrainStorage(AnnealStorage.Name, o => o.Configure<IServiceProvider>((memory, services) =>
                memory.GrainStorageSerializer = AnnealStorage.Serializer(services)));
    }

    /// <summary>The address other silos and clients reach this one at.</summary>
    public static IPAddress AdvertisedAddress(AnnealSiloOptions options)
    {
        if (options.AdvertisedAddress is { } configured) return IPAddress.Parse(configured);
        if (options.Clustering == ClusteringMode.Localhost) return IPAddress.Loopback;
        if (Environment.GetEnvironmentVariable("POD_IP") is { } podIp && IPAddress.TryParse(podIp, out var pod)) return pod;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
