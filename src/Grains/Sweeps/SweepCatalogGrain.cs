using Anneal.Contracts.Sweeps;
using Anneal.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Anneal.Grains.Sweeps;

/// <summary>
/// The list of sweeps; each sweep upserts its line when it starts and when its status changes, and removes it when
/// it is deleted. Read a page at a time, newest first. While any sweep is listed as running, the catalog also wakes
/// each such sweep every <see cref="AnnealGrainOptions.SweepReconcilePeriod"/>: a sweep whose silo died is only
/// activated again by a call, and on activation it reconciles with its runs.
/// </summary>
public sealed class SweepCatalogGrain(
    [PersistentState("catalog", AnnealStorage.Name)] IPersistentState<SweepCatalogState> state,
    IOptions<AnnealGrainOptions> options) : Grain, ISweepCatalogGrain
{
    /// <summary>The longest page a caller gets, however many it asks for: a reply stays a few hundred KB at most.</summary>
    public const int MaxPage = 1000;

    private IGrainTimer? _wakeTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        KeepWaking(dueTime: TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task Upsert(SweepListing listing)
    {
        if (state.State.Sweeps.TryGetValue(listing.SweepId, out var current) && current == listing) return;
        state.State.Sweeps[listing.SweepId] = listing;
        await state.WriteStateAsync();
        KeepWaking(options.Value.SweepReconcilePeriod);
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

    private string[] Running() =>
        [.. state.State.Sweeps.Values.Where(s => s.Status == SweepStatus.Running).Select(s => s.SweepId)];

    private void KeepWaking(TimeSpan dueTime)
    {
        if (_wakeTimer is not null || Running().Length == 0) return;
        // Interleaved: a frozen silo can hold a call for the whole response timeout, and upserts must not wait for it.
        _wakeTimer = this.RegisterGrainTimer(WakeRunningSweepsAsync,
            new GrainTimerCreationOptions { DueTime = dueTime, Period = options.Value.SweepReconcilePeriod, Interleave = true, KeepAlive = true });
    }

    private async Task WakeRunningSweepsAsync(CancellationToken cancellationToken)
    {
        var running = Running();
        if (running.Length == 0)
        {
            _wakeTimer?.Dispose();
            _wakeTimer = null;
            return;
        }
        // Any call activates a sweep that is not active; an active one answers at once.
        await Task.WhenAll(running.Select(async id =>
        {
            try
            {
                await GrainFactory.GetGrain<ISweepGrain>(id).Exists();
            }
            catch (Exception)
            {
                // Its silo is down or the call timed out: the next tick tries again.
            }
        }));
    }
}
