using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Grains.Hosting;
using Anneal.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Anneal.Grains.Sweeps;

/// <summary>
/// A sweep: expands its spec into runs, queues them, and keeps every run's latest summary (runs push changes,
/// one-way). Only the sweep's own fields are stored; the runs' summaries are held in memory and read back from the
/// runs on activation (<see cref="SweepState.Runs"/>). One-way messages can be lost with a silo, so while running the
/// sweep also reads its unfinished runs back every <see cref="AnnealGrainOptions.SweepReconcilePeriod"/>: it finishes
/// even when the last updates never arrived.
/// </summary>
public sealed class SweepGrain(
    [PersistentState("sweep", AnnealStorage.Name)] IPersistentState<SweepState> state,
    IOptions<AnnealGrainOptions> options,
    AnnealInstruments instruments,
    TimeProvider time) : Grain, ISweepGrain
{
    /// <summary>How many runs a delete removes at once: enough to overlap storage round trips, few enough not to flood Redis.</summary>
    private const int DeleteParallelism = 16;

    private IGrainTimer? _reconcileTimer;

    private SweepState S => state.State;
    private string SweepId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Spec is null) return;
        if (S.Runs.Count == 0) S.Runs = SweepExpansion.Expand(SweepId, S.Spec).Select(Queued).ToList();
        if (S.Deleting) return;
        if (!S.Launched) await LaunchAsync();
        // The runs' summaries are not stored here, and run changes are one-way messages: every activation reads the
        // runs back (all of them, since they were rebuilt as queued), and a running sweep keeps doing so on a timer.
        await ReconcileAsync(force: S.Status == SweepStatus.Running);
        KeepReconciling();
        instruments.SetSweepRuns(SweepId, RunCounts.Of(S.Runs.Select(r => r.Status)));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        instruments.ForgetSweep(SweepId);
        return Task.CompletedTask;
    }

    public async Task<SweepSummary> Start(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = SweepSpecValidator.Validate(spec).ToList();
        if (SweepIds.Check(SweepId) is { } badId) errors.Insert(0, badId);
        if (errors.Count > 0) throw new SweepSpecException(errors);

        if (S.Spec is not null)
        {
            if (S.Deleting) throw new InvalidOperationException($"sweep {SweepId} is being deleted");
            if (SweepSpecJson.Write(S.Spec) != SweepSpecJson.Write(spec))
                throw new InvalidOperationException($"sweep {SweepId} already exists with another spec");
            if (!S.Launched) await LaunchAsync();
            return Summary();
        }

        var definitions = SweepExpansion.Expand(SweepId, spec);
        S.Spec = spec;
        S.CreatedAt = time.GetUtcNow();
        S.Status = SweepStatus.Running;
        S.Runs = definitions.Select(Queued).ToList();
        await state.WriteStateAsync();
        await LaunchAsync();
        KeepReconciling();
        return Summary();
    }

    public Task<SweepSummary> GetSummary() => Task.FromResult(Summary());

    public Task<bool> Exists() => Task.FromResult(S.Spec is not null);

    public async Task<SweepSummary> Cancel()
    {
        Summary();
        if (S.Status != SweepStatus.Running) return Summary();
        S.CancelRequested = true;
        await state.WriteStateAsync();

        var open = S.Runs.Where(r => !r.Status.IsTerminal()).Select(r => r.RunId).ToArray();
        // Runs first: a run withdrawn from the queue but still queued would wait for a lease that never comes if this
        // call failed between the two steps; a cancelled run still in the queue is skipped by it.
        await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IRunGrain>(id).Cancel()));
        await GrainFactory.GetGrain<IWorkQueueGrain>(S.Spec!.Pool).Withdraw(open);
        var summaries = await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IRunGrain>(id).GetSummary()));
        foreach (var summary in summaries) Replace(summary);
        await UpdateStatusAsync(force: true);
        return Summary();
    }

    public async Task<SweepSummary> Retry()
    {
        Summary();
        if (S.Deleting) throw new InvalidOperationException($"sweep {SweepId} is being deleted");
        if (S.CancelRequested) throw new InvalidOperationException($"sweep {SweepId} was cancelled; start its spec again as a new sweep");
        var failed = S.Runs.Where(r => r.Status == RunStatus.Failed).Select(r => r.RunId).ToArray();
        if (failed.Length == 0) return Summary();

        // Running before any run moves: a sweep that stopped here finds every run finished again and fails again.
        S.Status = SweepStatus.Running;
        S.FinishedAt = null;
        await state.WriteStateAsync();
        var retried = await Task.WhenAll(failed.Select(id => GrainFactory.GetGrain<IRunGrain>(id).Retry()));
        var queued = retried.Where(r => r.Status == RunStatus.Queued).Select(r => r.RunId).ToArray();
        await GrainFactory.GetGrain<IWorkQueueGrain>(S.Spec!.Pool).Enqueue(queued);
        foreach (var summary in retried) Replace(summary);
        await UpdateStatusAsync(force: true);
        KeepReconciling();
        return Summary();
    }

    public async Task<int> Delete()
    {
        Summary();
        if (S.Status == SweepStatus.Running && !S.Deleting)
            throw new InvalidOperationException($"sweep {SweepId} is running; cancel it first (anneal sweep cancel {SweepId})");
        S.Deleting = true;
        await state.WriteStateAsync();
        StopReconciling();

        var eraser = ServiceProvider.GetService<IRunCheckpointEraser>();
        var runIds = S.Runs.Select(r => r.RunId).ToArray();
        foreach (var chunk in runIds.Chunk(DeleteParallelism))
        {
            await Task.WhenAll(chunk.Select(async runId =>
            {
                // Checkpoints before the run's state: the state is what says the run (and so its checkpoints) exist.
                if (eraser is not null) await eraser.EraseAsync(runId);
                await GrainFactory.GetGrain<IRunGrain>(runId).Delete();
            }));
        }
        await GrainFactory.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).Remove(SweepId);
        // Last, so that until here the sweep still knows its runs and a repeated delete finishes the job.
        await state.ClearStateAsync();
        instruments.ForgetSweep(SweepId);
        DeactivateOnIdle();
        return runIds.Length;
    }

    public async Task RunChanged(RunSummary run)
    {
        if (S.Spec is null || S.Deleting) return;
        var statusChanged = Apply(run);
        await UpdateStatusAsync(statusChanged);
    }

    /// <summary>
    /// Keeps the newer of the stored and the given summary; true when the run's status changed. A run's revision grows
    /// with each durable change only, so it never goes back when the run grain restarts; between two changes, progress
    /// updates carry the same revision and the further one wins.
    /// </summary>
    private bool Apply(RunSummary run)
    {
        if (!IsOurs(run)) return false;
        var current = S.Runs[run.Index];
        var newer = run.Revision > current.Revision
            || (run.Revision == current.Revision && run.Status == current.Status && (run.Progress?.Step ?? 0) > (current.Progress?.Step ?? 0));
        if (!newer) return false;
        S.Runs[run.Index] = run;
        return run.Status != current.Status;
    }

    /// <summary>Takes a summary read from the run itself as it is: the run grain is the source of truth.</summary>
    private void Replace(RunSummary run)
    {
        if (IsOurs(run)) S.Runs[run.Index] = run;
    }

    private bool IsOurs(RunSummary run) => run.Index >= 0 && run.Index < S.Runs.Count && S.Runs[run.Index].RunId == run.RunId;

    /// <summary>Reads every run this sweep holds as unfinished back from the run (finished runs never change by themselves).</summary>
    private async Task ReconcileAsync(bool force)
    {
        var open = S.Runs.Where(r => !r.Status.IsTerminal()).Select(r => r.RunId).ToArray();
        var summaries = await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IRunGrain>(id).GetSummary()));
        var statusChanged = false;
        foreach (var summary in summaries)
        {
            statusChanged |= summary.Status != S.Runs[summary.Index].Status;
            Replace(summary);
        }
        await UpdateStatusAsync(force || statusChanged);
    }

    /// <summary>While the sweep runs, reconcile it on a timer that also keeps it active (and so its timer running).</summary>
    private void KeepReconciling()
    {
        if (S.Status != SweepStatus.Running || _reconcileTimer is not null) return;
        var period = options.Value.SweepReconcilePeriod;
        _reconcileTimer = this.RegisterGrainTimer(
            _ => S.Status == SweepStatus.Running && !S.Deleting ? ReconcileAsync(force: false) : Task.CompletedTask,
            new GrainTimerCreationOptions { DueTime = period, Period = period, KeepAlive = true });
    }

    private void StopReconciling()
    {
        _reconcileTimer?.Dispose();
        _reconcileTimer = null;
    }

    private async Task UpdateStatusAsync(bool force)
    {
        var counts = RunCounts.Of(S.Runs.Select(r => r.Status));
        instruments.SetSweepRuns(SweepId, counts);
        var before = S.Status;
        if (S.Status == SweepStatus.Running && counts.Finished == counts.Total)
        {
            S.Status = S.CancelRequested ? SweepStatus.Cancelled
                : counts.Failed > 0 ? SweepStatus.Failed
                : SweepStatus.Completed;
            S.FinishedAt = time.GetUtcNow();
        }
        if (S.Status != SweepStatus.Running) StopReconciling();
        if (!force && before == S.Status) return;
        if (S.Status != before) await state.WriteStateAsync();
        UpsertListing();
    }

    private async Task LaunchAsync()
    {
        var definitions = SweepExpansion.Expand(SweepId, S.Spec!);
        await Task.WhenAll(definitions.Select(d => GrainFactory.GetGrain<IRunGrain>(d.RunId).Initialize(d)));
        if (!S.CancelRequested)
            await GrainFactory.GetGrain<IWorkQueueGrain>(S.Spec!.Pool).Enqueue(SweepExpansion.QueueOrder(definitions));
        S.Launched = true;
        await state.WriteStateAsync();
        UpsertListing();
    }

    private void UpsertListing()
    {
        if (S.Deleting) return;
        GrainFactory.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key)
            .Upsert(new SweepListing(SweepId, S.Spec!.Name, S.Status, S.CreatedAt, RunCounts.Of(S.Runs.Select(r => r.Status))))
            .Ignore();
    }

    private SweepSummary Summary()
    {
        var spec = S.Spec ?? throw new KeyNotFoundException($"sweep {SweepId} does not exist");
        return new SweepSummary
        {
            SweepId = SweepId,
            Name = spec.Name,
            Status = S.Status,
            CreatedAt = S.CreatedAt,
            FinishedAt = S.FinishedAt,
            Spec = spec,
            Counts = RunCounts.Of(S.Runs.Select(r => r.Status)),
            Runs = S.Runs.ToArray(),
        };
    }

    private static RunSummary Queued(RunDefinition definition) => new()
    {
        RunId = definition.RunId,
        Index = definition.Index,
        Label = definition.Label,
        Variant = definition.Variant,
        Steps = definition.Steps,
        Seed = definition.Seed,
        Status = RunStatus.Queued,
    };
}
