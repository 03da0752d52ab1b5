using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Grains.Hosting;
using Anneal.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anneal.Grains.Work;

/// <summary>
/// The pull-based work queue. It hands runs to workers that ask, remembers which it handed out, and every
/// <see cref="AnnealGrainOptions.LeaseCheckPeriod"/> asks the runs whose lease should have ended whether it did; a
/// run whose worker died or hung goes back to the front of the queue. The run grain holds the lease itself (and
/// fences stale workers); this grain only makes sure a lapsed one is noticed even when nobody calls the run.
/// The runs waiting are stored in a backlog written once per batch enqueued; a lease only advances a position in it
/// (<see cref="WorkQueueState.Taken"/>), so a lease writes a few hundred bytes however long the queue is.
/// </summary>
public sealed partial class WorkQueueGrain(
    [PersistentState("queue", AnnealStorage.Name)] IPersistentState<WorkQueueState> state,
    [PersistentState("backlog", AnnealStorage.Name)] IPersistentState<WorkBacklogState> backlog,
    IOptions<AnnealGrainOptions> options,
    AnnealInstruments instruments,
    TimeProvider time,
    ILogger<WorkQueueGrain> logger) : Grain, IWorkQueueGrain
{
    private IGrainTimer? _leaseTimer;

    /// <summary>
    /// Every run waiting, wherever it is stored. A run forgotten while it waits leaves this set only: its stale
    /// entry in the backlog is skipped when reached, or (after a reactivation) dropped when its run grain says it is
    /// not waiting, without rewriting the backlog once per run.
    /// </summary>
    private readonly HashSet<string> _waiting = [];

    private WorkQueueState S => state.State;
    private WorkBacklogState B => backlog.State;
    private string Pool => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The backlog was compacted and rewritten after the queue state was last written: nothing of it is taken yet.
        if (S.BacklogGeneration != B.Generation)
        {
            S.BacklogGeneration = B.Generation;
            S.Taken = 0;
        }
        _waiting.UnionWith(S.Queued);
        _waiting.UnionWith(B.Runs.Skip(S.Taken));
        _leaseTimer = this.RegisterGrainTimer(CheckLeasesAsync, new GrainTimerCreationOptions
        {
            DueTime = options.Value.LeaseCheckPeriod,
            Period = options.Value.LeaseCheckPeriod,
            // Workers poll this grain all the time anyway; keeping it active also keeps leases watched.
            KeepAlive = true,
        });
        Publish();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _leaseTimer?.Dispose();
        instruments.ForgetQueue(Pool);
        return Task.CompletedTask;
    }

    public async Task Enqueue(IReadOnlyList<string> runIds)
    {
        var added = runIds.Where(id => !S.Leased.ContainsKey(id) && _waiting.Add(id)).ToArray();
        if (added.Length == 0) return;
        await WriteBacklogAsync(added);
    }

    public async Task Requeue(string runId)
    {
        var changed = S.Leased.Remove(runId);
        if (_waiting.Add(runId))
        {
            S.Queued.Insert(0, runId);
            changed = true;
        }
        if (changed) await WriteAsync();
    }

    public async Task Forget(string runId)
    {
        var changed = S.Leased.Remove(runId) | S.Queued.Remove(runId);
        var waited = _waiting.Remove(runId);
        if (changed) await WriteAsync();
        else if (waited) Publish();
    }

    public async Task Withdraw(IReadOnlyList<string> runIds)
    {
        var withdrawn = runIds.ToHashSet();
        _waiting.ExceptWith(withdrawn);
        // A cancel marks its runs cancelled first, and each run's one-way Forget may arrive before this call: such a
        // run has left the waiting set but is still stored in the backlog, so what is stored decides the rewrite.
        var stored = S.Queued.Any(withdrawn.Contains) || B.Runs.Skip(S.Taken).Any(withdrawn.Contains);
        if (!stored) return;
        S.Queued.RemoveAll(withdrawn.Contains);
        // Withdrawn for good (a cancel): the backlog is rewritten without them rather than left to skip them.
        await WriteBacklogAsync([]);
    }

    public async Task<RunLease?> TryLease(string workerId, TimeSpan leaseDuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (leaseDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(leaseDuration), "a lease must last a positive time");
        while (Dequeue() is { } runId)
        {
            // Recorded as leased before asking the run, so a crash in between leaves a lease to check, not a lost run.
            S.Leased[runId] = time.GetUtcNow() + leaseDuration;
            await WriteAsync();

            var run = GrainFactory.GetGrain<IRunGrain>(runId);
            var lease = await run.Grant(workerId, leaseDuration);
            if (lease is not null)
            {
                S.Leased[runId] = lease.ExpiresAt;
                return lease;
            }
            // Not waiting for a worker after all (finished, cancelled, or leased already): settle what it is.
            await SettleAsync(runId, await run.CheckLease());
        }
        return null;
    }

    public Task<QueueStats> GetStats() => Task.FromResult(new QueueStats(_waiting.Count, S.Leased.Count, S.LeaseExpiries));

    /// <summary>The next run waiting: runs put back first, then the backlog in order; entries forgotten meanwhile are passed over.</summary>
    private string? Dequeue()
    {
        while (S.Queued.Count > 0)
        {
            var runId = S.Queued[0];
            S.Queued.RemoveAt(0);
            if (_waiting.Remove(runId)) return runId;
        }
        while (S.Taken < B.Runs.Count)
        {
            var runId = B.Runs[S.Taken++];
            if (_waiting.Remove(runId)) return runId;
        }
        return null;
    }

    private async Task CheckLeasesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = S.Leased.Where(l => l.Value <= now).Select(l => l.Key).ToArray();
        if (due.Length == 0) return;
        var checks = await Task.WhenAll(due.Select(async id => (id, check: await CheckAsync(id))));
        foreach (var (runId, check) in checks)
        {
            if (check is null) continue;
            if (check.Outcome == LeaseCheckOutcome.Requeue)
            {
                S.LeaseExpiries++;
                LogRequeued(runId);
            }
            await SettleAsync(runId, check, write: false);
        }
        await WriteAsync();
    }

    private async Task<LeaseCheck?> CheckAsync(string runId)
    {
        try
        {
            return await GrainFactory.GetGrain<IRunGrain>(runId).CheckLease();
        }
        catch (Exception e)
        {
            // The run's silo may be dying right now; the next tick asks again.
            LogCheckFailed(e, runId);
            return null;
        }
    }

    private async Task SettleAsync(string runId, LeaseCheck check, bool write = true)
    {
        switch (check.Outcome)
        {
            case LeaseCheckOutcome.Held:
                S.Leased[runId] = check.ExpiresAt ?? time.GetUtcNow() + options.Value.LeaseCheckPeriod;
                break;
            case LeaseCheckOutcome.Requeue:
                S.Leased.Remove(runId);
                if (_waiting.Add(runId)) S.Queued.Insert(0, runId);
                break;
            case LeaseCheckOutcome.Drop:
                S.Leased.Remove(runId);
                S.Queued.Remove(runId);
                _waiting.Remove(runId);
                break;
        }
        if (write) await WriteAsync();
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        Publish();
    }

    /// <summary>
    /// Rewrites the backlog as the runs still waiting in it, then <paramref name="added"/>. The queue state is written
    /// after it; should that write be lost, the new generation tells activation that nothing of this backlog is taken.
    /// </summary>
    private async Task WriteBacklogAsync(IReadOnlyList<string> added)
    {
        var front = S.Queued.ToHashSet();
        var remaining = B.Runs.Skip(S.Taken).Where(id => _waiting.Contains(id) && !front.Contains(id));
        B.Runs = remaining.Concat(added).ToList();
        B.Generation++;
        await backlog.WriteStateAsync();
        S.BacklogGeneration = B.Generation;
        S.Taken = 0;
        await WriteAsync();
    }

    private void Publish() => instruments.SetQueue(Pool, _waiting.Count, S.Leased.Count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease lapsed, back in the queue")]
    private partial void LogRequeued(string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not check the lease of run {RunId}; will retry")]
    private partial void LogCheckFailed(Exception exception, string runId);
}
