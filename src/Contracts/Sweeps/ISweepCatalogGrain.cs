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

    /// <summary>
    /// At most <paramref name="limit"/> sweeps, newest first, starting after the sweep <paramref name="before"/> (a
    /// sweep id from the previous page; null for the first page).
    /// </summary>
    [Alias("ListPage")]
    Task<IReadOnlyList<SweepListing>> List(int limit, string? before);

    /// <summary>Removes a sweep's line (the sweep was deleted); an unknown id is not an error.</summary>
    [Alias("Remove")]
    Task Remove(string sweepId);
}
