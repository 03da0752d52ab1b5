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
/// </summary>
public sealed partial class WorkQueueGrain(
    [PersistentState("queue", AnnealStorage.Name)] IPersistentState<WorkQueueState> state,
    IOptions<AnnealGrainOptions> options,
    AnnealInstruments instruments,
    TimeProvider time,
    ILogger<WorkQueueGrain> logger) : Grain, IWorkQueueGrain
{
    private IGrainTimer? _leaseTimer;

    private WorkQueueState S => state.State;
    private string Pool => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
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
        var known = new HashSet<string>(S.Queued);
        known.UnionWith(S.Leased.Keys);
        var added = runIds.Where(known.Add).ToArray();
        if (added.Length == 0) return;
        S.Queued.AddRange(added);
        await WriteAsync();
    }

    public async Task Requeue(string runId)
    {
        S.Leased.Remove(runId);
        if (S.Queued.Contains(runId)) return;
        S.Queued.Insert(0, runId);
        await WriteAsync();
    }

    public async Task Forget(string runId)
    {
        var removed = S.Leased.Remove(runId) | S.Queued.Remove(runId);
        if (removed) await WriteAsync();
    }

    public async Task Withdraw(IReadOnlyList<string> runIds)
    {
        var withdrawn = new HashSet<string>(runIds);
        if (S.Queued.RemoveAll(withdrawn.Contains) > 0) await WriteAsync();
    }

    public async Task<RunLease?> TryLease(string workerId, TimeSpan leaseDuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (leaseDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(leaseDuration), "a lease must last a positive time");
        while (S.Queued.Count > 0)
        {
            var runId = S.Queued[0];
            S.Queued.RemoveAt(0);
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

    public Task<QueueStats> GetStats() => Task.FromResult(new QueueStats(S.Queued.Count, S.Leased.Count, S.LeaseExpiries));

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
                if (!S.Queued.Contains(runId)) S.Queued.Insert(0, runId);
                break;
            case LeaseCheckOutcome.Drop:
                S.Leased.Remove(runId);
                S.Queued.Remove(runId);
                break;
        }
        if (write) await WriteAsync();
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        Publish();
    }

    private void Publish() => instruments.SetQueue(Pool, S.Queued.Count, S.Leased.Count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease lapsed, back in the queue")]
    private partial void LogRequeued(string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not check the lease of run {RunId}; will retry")]
    private partial void LogCheckFailed(Exception exception, string runId);
}
