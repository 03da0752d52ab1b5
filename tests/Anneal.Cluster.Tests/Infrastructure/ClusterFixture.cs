using Anneal.Grains;
using Anneal.Grains.Hosting;
using Orleans.TestingHost;

namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>One in-process cluster of two silos for every grain test; tests use fresh sweep ids and pools.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Short enough that lease expiry tests take about a second.</summary>
    public static readonly TimeSpan LeaseCheckPeriod = TimeSpan.FromMilliseconds(100);

    /// <summary>Short enough that a sweep that missed its runs' updates catches up within a test.</summary>
    public static readonly TimeSpan SweepReconcilePeriod = TimeSpan.FromMilliseconds(500);

    public InProcessTestCluster Cluster { get; }

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(AnnealStorage.Name, o => o.Configure<IServiceProvider>((memory, services) =>
                memory.GrainStorageSerializer = AnnealStorage.Serializer(services)));
            silo.AddIncomingGrainCallFilter<MessageFaults>();
            silo.AddOutgoingGrainCallFilter<MessageFaults>();
            silo.Services.AddAnnealGrains(o =>
            {
                o.LeaseCheckPeriod = LeaseCheckPeriod;
                o.SweepUpdateInterval = TimeSpan.Zero;
                o.MaxSameFailures = 3;
                o.MaxLapsedLeases = 3;
                o.SweepReconcilePeriod = SweepReconcilePeriod;
            });
        });
        Cluster = builder.Build();
    }

    public IGrainFactory Grains => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
