using Orleans.Concurrency;

namespace Anneal.Contracts.Sweeps;

/// <summary>Every sweep started in the cluster, newest first (one grain, key <see cref="Key"/>).</summary>
[Alias("anneal.ISweepCatalogGrain")]
public interface ISweepCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds or updates a sweep's line. One-way: sweeps never wait on the catalog.</summary>
    [Alias("Upsert"), OneWay]
    Task Upsert(SweepListing listing);

    [Alias("List")]
    Task<IReadOnlyList<SweepListing>> List();
}
