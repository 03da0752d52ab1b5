using Anneal.Contracts.Sweeps;

namespace Anneal.Grains.Sweeps;

/// <summary>
/// The list of sweeps; each sweep upserts its line when it starts and when its status changes, and removes it when
/// it is deleted. Read a page at a time, newest first.
/// </summary>
public sealed class SweepCatalogGrain(
    [PersistentState("catalog", AnnealStorage.Name)] IPersistentState<SweepCatalogState> state) : Grain, ISweepCatalogGrain
{
    /// <summary>The longest page a caller gets, however many it asks for: a reply stays a few hundred KB at most.</summary>
    public const int MaxPage = 1000;

    public async Task Upsert(SweepListing listing)
    {
        if (state.State.Sweeps.TryGetValue(listing.SweepId, out var current) && current == listing) return;
        state.State.Sweeps[listing.SweepId] = listing;
        await state.WriteStateAsync();
    }

    public async Task Remove(string sweepId)
    {
        if (!state.State.Sweeps.Remove(sweepId)) return;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SweepListing>> List(int limit, string? before)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ordered = state.State.Sweeps.Values
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.SweepId, StringComparer.Ordinal);
        IEnumerable<SweepListing> page = ordered;
        if (before is not null)
        {
            // After the given sweep in this order; an id no longer listed (deleted meanwhile) pages from its position by time.
            page = state.State.Sweeps.ContainsKey(before)
                ? ordered.SkipWhile(s => s.SweepId != before).Skip(1)
                : ordered.Where(s => IsAfter(s, before));
        }
        return Task.FromResult<IReadOnlyList<SweepListing>>(page.Take(Math.Min(limit, MaxPage)).ToArray());
    }

    /// <summary>
    /// Whether <paramref name="listing"/> comes after a sweep id that is no longer listed: ids begin with their
    /// creation time (<see cref="Contracts.SweepIds.New"/>), so an older id sorts lower.
    /// </summary>
    private static bool IsAfter(SweepListing listing, string before) => string.CompareOrdinal(listing.SweepId, before) < 0;
}
