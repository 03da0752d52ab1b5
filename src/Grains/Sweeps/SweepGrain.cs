using Anneal.Contracts;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Specs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;

namespace Anneal.Grains.Sweeps;

/// <summary>
/// A sweep: expands its spec into runs, queues them, and keeps every run's latest summary (runs push changes,
/// one-way). Only the sweep's own fields are stored; the runs' summaries are held in memory and read back from the
/// runs on activation (<see cref="SweepState.Runs"/>).
/// </summary>
public sealed class SweepGrain(
    [PersistentState("sweep", AnnealStorage.Name)] IPersistentState<SweepState> state,
    AnnealInstruments instruments,
    TimeProvider time) : Grain, ISweepGrain
{
    private SweepState S => state.State;
    private string SweepId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Spec is null) return;
        if (S.Runs.Count == 0) S.Runs = SweepExpansion.Expand(SweepId, S.Spec).Select(Queued).ToList();
        if (!S.Launched) await LaunchAsync();
        // The runs' summaries are not stored here; run changes are one-way messages, and any sent while this sweep
        // was moving between silos are read back here too.
        var summaries = await Task.WhenAll(S.Runs.Select(r => GrainFactory.GetGrain<IRunGrain>(r.RunId).GetSummary()));
        foreach (var summary in summaries) Apply(summary);
        if (S.Status == SweepStatus.Running) await UpdateStatusAsync(force: true);
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
        await GrainFactory.GetGrain<IWorkQueueGrain>(S.Spec!.Pool).Withdraw(open);
        await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IRunGrain>(id).Cancel()));
        var summaries = await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<IRunGrain>(id).GetSummary()));
        foreach (var summary in summaries) Apply(summary);
        await UpdateStatusAsync(force: true);
        return Summary();
    }

    public async Task RunChanged(RunSummary run)
    {
        if (S.Spec is null) return;
        var statusChanged = Apply(run);
        await UpdateStatusAsync(statusChanged);
    }

    /// <summary>Keeps the newer of the stored and the given summary; true when the run's status changed.</summary>
    private bool Apply(RunSummary run)
    {
        if (run.Index < 0 || run.Index >= S.Runs.Count || S.Runs[run.Index].RunId != run.RunId) return false;
        var current = S.Runs[run.Index];
        if (run.Revision <= current.Revision) return false;
        S.Runs[run.Index] = run;
        return run.Status != current.Status;
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

    private void UpsertListing() =>
        GrainFactory.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key)
            .Upsert(new SweepListing(SweepId, S.Spec!.Name, S.Status, S.CreatedAt, RunCounts.Of(S.Runs.Select(r => r.Status))))
            .Ignore();

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
