using Anneal.Contracts.Sweeps;

namespace Anneal.Grains.Sweeps;

/// <summary>The list of sweeps; each sweep upserts its line when it starts and when its status changes.</summary>
public sealed class SweepCatalogGrain(
    [PersistentState("catalog", AnnealStorage.Name)] IPersistentState<SweepCatalogState> state) : Grain, ISweepCatalogGrain
{
    public async Task Upsert(SweepListing listing)
    {
        if (state.State.Sweeps.TryGetValue(listing.SweepId, out var current) && current == listing) return;
        state.State.Sweeps[listing.SweepId] = listing;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SweepListing>> List() =>
        Task.FromResult<IReadOnlyList<SweepListing>>(
            state.State.Sweeps.Values.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.SweepId, StringComparer.Ordinal).ToArray());
}
