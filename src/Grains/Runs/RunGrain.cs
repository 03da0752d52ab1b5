using Anneal.Contracts.Runs;
using Anneal.Contracts.Sweeps;
using Anneal.Contracts.Work;
using Anneal.Grains.Hosting;
using Anneal.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anneal.Grains.Runs;

/// <summary>
/// One run: its status, lease, progress, curve and checkpoint. Workers call it under a lease epoch; anything from
/// an epoch that is not current, or after the lease lapsed, is refused. Progress is kept in memory and written at
/// most every <see cref="AnnealGrainOptions.ProgressWriteInterval"/>; status changes and checkpoints are written at once.
/// </summary>
public sealed partial class RunGrain(
    [PersistentState("run", AnnealStorage.Name)] IPersistentState<RunState> state,
    IOptions<AnnealGrainOptions> options,
    AnnealInstruments instruments,
    TimeProvider time,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private readonly AnnealGrainOptions _options = options.Value;
    private int _durableStep;
    private bool _dirty;
    private DateTimeOffset _lastWrite;
    private DateTimeOffset _lastSweepUpdate;

    private RunState S => state.State;
    private string RunId => this.GetPrimaryKeyString();
    private DateTimeOffset Now => time.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durableStep = S.LastStep;
        _lastWrite = Now;
        // Renewals live in memory only. After a move to another silo the stored expiry is stale, so the holder gets
        // one full lease to show it is alive before the lease can lapse.
        if (S.Status == RunStatus.Running && S.LeaseExpiresAt is { } expires && expires < Now + S.LeaseDuration)
            S.LeaseExpiresAt = Now + S.LeaseDuration;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_dirty) return;
        try
        {
            await WriteAsync();
        }
        catch (Exception e)
        {
            // Not fatal: the worker keeps every loss it has not seen acknowledged as durable and resends it.
            LogDeactivationWriteFailed(e, RunId);
        }
    }

    public async Task Initialize(RunDefinition definition)
    {
        if (definition.RunId != RunId)
            throw new ArgumentException($"definition is for run {definition.RunId}, not {RunId}", nameof(definition));
        if (S.Definition is not null)
        {
            if (S.Definition.Steps != definition.Steps || S.Definition.Variant != definition.Variant || S.Definition.Seed != definition.Seed)
                throw new InvalidOperationException($"run {RunId} already exists with another definition");
            return;
        }
        S.Definition = definition;
        S.Status = RunStatus.Queued;
        S.Revision++;
        await WriteAsync();
    }

    public Task<RunSummary> GetSummary() => Task.FromResult(Summary());

    public Task<RunDetails> GetDetails()
    {
        var definition = Definition();
        var curve = LossCurveMath.ToCurve(S.CurveSums, LossCurveMath.BucketSteps(definition.Steps), S.LastStep);
        return Task.FromResult(new RunDetails(Summary(), definition, curve, S.Evaluations.ToArray(), S.Checkpoint));
    }

    public async Task Cancel()
    {
        Definition();
        if (S.Status.IsTerminal()) return;
        EndAttempt(Now);
        S.Status = RunStatus.Cancelled;
        S.FinishedAt = Now;
        S.LeaseExpiresAt = null;
        await ChangedAsync();
        ForgetInQueue();
        instruments.RecordRunFinished(S.Definition!.SweepId, S.Definition.Variant, "cancelled");
    }

    public async Task<RunSummary> Retry()
    {
        Definition();
        if (S.Status != RunStatus.Failed) return Summary();
        S.Status = RunStatus.Queued;
        S.FinishedAt = null;
        S.FailureReason = null;
        S.LastFailure = null;
        S.SameFailures = 0;
        S.LapsedLeases = 0;
        await ChangedAsync();
        return Summary();
    }

    public async Task Delete()
    {
        // A run still queued or leased would be recreated, empty, by its queue or worker: cancel it first.
        if (S.Definition is not null && !S.Status.IsTerminal())
            throw new InvalidOperationException($"run {RunId} is {S.Status}; only a finished run can be deleted");
        await state.ClearStateAsync();
        _dirty = false;
        DeactivateOnIdle();
    }

    public async Task<RunLease?> Grant(string workerId, TimeSpan leaseDuration)
    {
        var definition = Definition();
        if (S.Status == RunStatus.Running && LeaseLapsed() && Lapse())
        {
            await ChangedAsync();
            return null;
        }
        if (S.Status != RunStatus.Queued) return null;

        var now = Now;
        S.Epoch++;
        S.Status = RunStatus.Running;
        S.Worker = workerId;
        S.LeaseDuration = leaseDuration;
        S.LeaseExpiresAt = now + leaseDuration;
        S.Attempts++;
        S.StartedAt ??= now;
        S.AttemptStartedAt = now;
        await ChangedAsync();
        LogGranted(RunId, S.Epoch, workerId, S.Checkpoint?.Step ?? 0);
        return new RunLease(RunId, S.Epoch, definition, S.Checkpoint, S.LeaseExpiresAt.Value, leaseDuration);
    }

    public async Task<LeaseCheck> CheckLease()
    {
        if (S.Definition is null || S.Status.IsTerminal()) return new LeaseCheck(LeaseCheckOutcome.Drop, null);
        if (S.Status == RunStatus.Queued) return new LeaseCheck(LeaseCheckOutcome.Requeue, null);
        if (!LeaseLapsed()) return new LeaseCheck(LeaseCheckOutcome.Held, S.LeaseExpiresAt);
        var failed = Lapse();
        await ChangedAsync();
        return new LeaseCheck(failed ? LeaseCheckOutcome.Drop : LeaseCheckOutcome.Requeue, null);
    }

    public async Task<LeaseVerdict> Renew(long epoch)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict == LeaseVerdict.Accepted) ExtendLease();
        return verdict;
    }

    public async Task<ProgressAck> ReportProgress(long epoch, ProgressBatch batch)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict != LeaseVerdict.Accepted) return new ProgressAck(verdict, S.LastStep + 1, _durableStep);
        ExtendLease();
        instruments.RecordProgressReport();
        if (batch.FirstStep > S.LastStep + 1)
        {
            // A gap: this grain moved and lost unsaved progress. The worker resends from NextStep.
            return new ProgressAck(LeaseVerdict.Accepted, S.LastStep + 1, _durableStep);
        }

        var definition = S.Definition!;
        // Steps already known (a resumed run repeats the steps after its checkpoint, bit for bit) are skipped.
        var from = S.LastStep + 1 - batch.FirstStep;
        var usable = Math.Min(batch.Losses.Count, definition.Steps - batch.FirstStep + 1);
        if (usable > from)
        {
            var losses = usable == batch.Losses.Count ? batch.Losses : batch.Losses.Take(usable).ToArray();
            LossCurveMath.Append(S.CurveSums, LossCurveMath.BucketSteps(definition.Steps), batch.FirstStep, losses, from);
            S.LastStep = batch.FirstStep + usable - 1;
        }
        var lastEvaluated = S.Evaluations.Count == 0 ? 0 : S.Evaluations[^1].Step;
        foreach (var evaluation in batch.Evaluations)
        {
            if (evaluation.Step > lastEvaluated && evaluation.Step <= S.LastStep) S.Evaluations.Add(evaluation);
        }
        S.Progress = new RunProgress(
            S.LastStep,
            batch.Losses.Count > 0 ? batch.Losses[^1] : S.Progress?.LastLoss ?? float.NaN,
            LossCurveMath.Smoothed(S.CurveSums, LossCurveMath.BucketSteps(definition.Steps), S.LastStep, definition.SmoothingWindow),
            batch.LearningRate,
            batch.StepsPerSecond,
            Now);
        // No new revision: revisions count durable changes only (ChangedAsync), so a restarted run never sends one
        // lower than its sweep holds; its sweep orders progress within a revision by step.
        _dirty = true;

        if (Now - _lastWrite >= _options.ProgressWriteInterval) await WriteAsync();
        if (Now - _lastSweepUpdate >= _options.SweepUpdateInterval) NotifySweep();
        return new ProgressAck(LeaseVerdict.Accepted, S.LastStep + 1, _durableStep);
    }

    public async Task<CheckpointAck> CommitCheckpoint(long epoch, int step, string location)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict != LeaseVerdict.Accepted) return new CheckpointAck(verdict, null);
        if (step > S.LastStep)
            throw new InvalidOperationException($"run {RunId} has losses through step {S.LastStep}; report them through step {step} before committing its checkpoint");
        if (S.Checkpoint is { } current && current.Step > step)
            throw new InvalidOperationException($"run {RunId} already has a checkpoint at step {current.Step}, later than {step}");

        var superseded = S.Checkpoint?.Location is { } previous && previous != location ? previous : null;
        S.Checkpoint = new CheckpointInfo(step, location, epoch, Now);
        ExtendLease();
        await ChangedAsync();
        return new CheckpointAck(LeaseVerdict.Accepted, superseded);
    }

    public async Task<LeaseVerdict> Complete(long epoch, RunCompletion completion)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict != LeaseVerdict.Accepted) return verdict;
        var definition = S.Definition!;
        if (S.LastStep < definition.Steps)
            throw new InvalidOperationException($"run {RunId} has losses through step {S.LastStep} of {definition.Steps}; report the rest before completing");

        var now = Now;
        EndAttempt(now);
        S.Status = RunStatus.Completed;
        S.FinishedAt = now;
        S.LeaseExpiresAt = null;
        S.Threads = completion.Threads;
        S.Kernels = completion.Kernels;
        S.FinalEvaluation = completion.FinalEvaluation ?? (S.Evaluations.Count > 0 ? S.Evaluations[^1] : null);
        if (completion.FinalEvaluation is { } final && (S.Evaluations.Count == 0 || S.Evaluations[^1].Step < final.Step))
            S.Evaluations.Add(final);
        if (S.Progress is { } progress) S.Progress = progress with { StepsPerSecond = completion.StepsPerSecond, UpdatedAt = now };
        // The worker deletes a completed run's checkpoints once this returns; only a kept one stays referenced.
        if (!definition.KeepFinalCheckpoint) S.Checkpoint = null;
        await ChangedAsync();
        ForgetInQueue();
        instruments.RecordRunFinished(definition.SweepId, definition.Variant, "completed");
        LogCompleted(RunId, S.Attempts, S.TrainingTime.TotalSeconds);
        return LeaseVerdict.Accepted;
    }

    public async Task<LeaseVerdict> Fail(long epoch, string reason, bool permanent)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict != LeaseVerdict.Accepted) return verdict;
        var definition = S.Definition!;
        EndAttempt(Now);
        S.SameFailures = reason == S.LastFailure ? S.SameFailures + 1 : 1;
        S.LastFailure = reason;
        S.LeaseExpiresAt = null;
        var giveUp = permanent || S.SameFailures >= _options.MaxSameFailures;
        if (giveUp)
        {
            S.Status = RunStatus.Failed;
            S.FinishedAt = Now;
            S.FailureReason = permanent ? reason : $"{reason} (failed this way {S.SameFailures} times in a row)";
            instruments.RecordRunFinished(definition.SweepId, definition.Variant, "failed");
        }
        else
        {
            S.Status = RunStatus.Queued;
            instruments.RecordRetry(definition.SweepId, definition.Variant);
        }
        LogFailed(RunId, epoch, reason, giveUp);
        await ChangedAsync();
        if (giveUp) ForgetInQueue();
        else Requeue();
        return LeaseVerdict.Accepted;
    }

    public async Task<LeaseVerdict> Release(long epoch)
    {
        var verdict = await VerdictAsync(epoch);
        if (verdict != LeaseVerdict.Accepted) return verdict;
        EndAttempt(Now);
        S.Status = RunStatus.Queued;
        S.LeaseExpiresAt = null;
        await ChangedAsync();
        Requeue();
        LogReleased(RunId, epoch, S.Checkpoint?.Step ?? 0);
        return LeaseVerdict.Accepted;
    }

    /// <summary>Whether a call under <paramref name="epoch"/> may take effect; a lapsed lease is fenced here too.</summary>
    private async Task<LeaseVerdict> VerdictAsync(long epoch)
    {
        Definition();
        if (epoch != S.Epoch) return LeaseVerdict.Fenced;
        if (S.Status == RunStatus.Cancelled) return LeaseVerdict.Cancelled;
        if (S.Status != RunStatus.Running) return LeaseVerdict.Fenced;
        if (!LeaseLapsed()) return LeaseVerdict.Accepted;
        var failed = Lapse();
        await ChangedAsync();
        if (failed) ForgetInQueue();
        else Requeue();
        return LeaseVerdict.Fenced;
    }

    private bool LeaseLapsed() => S.LeaseExpiresAt is not { } expires || Now > expires;

    private void ExtendLease() => S.LeaseExpiresAt = Now + S.LeaseDuration;

    /// <summary>
    /// The holder stopped renewing: fence it (the run is no longer Running under its epoch) and queue the run, or, after
    /// <see cref="AnnealGrainOptions.MaxLapsedLeases"/> lapses, fail it: a run that kills or hangs every worker it
    /// reaches must not circle the cluster forever.
    /// </summary>
    /// <returns>True when the run failed for good; the caller writes the state either way.</returns>
    private bool Lapse()
    {
        var lastSeen = S.LeaseExpiresAt is { } expires ? expires - S.LeaseDuration : Now;
        EndAttempt(lastSeen < Now ? lastSeen : Now);
        var worker = S.Worker ?? "?";
        LogLapsed(RunId, S.Epoch, worker);
        S.LeaseExpiresAt = null;
        S.LapsedLeases++;
        var definition = S.Definition!;
        instruments.RecordLeaseExpiry(definition.SweepId, definition.Variant);
        if (S.LapsedLeases < _options.MaxLapsedLeases)
        {
            S.Status = RunStatus.Queued;
            return false;
        }
        S.Status = RunStatus.Failed;
        S.FinishedAt = Now;
        S.FailureReason = $"lost its worker {S.LapsedLeases} times; last: lease lapsed on {worker}";
        LogFailed(RunId, S.Epoch, S.FailureReason, true);
        instruments.RecordRunFinished(definition.SweepId, definition.Variant, "failed");
        return true;
    }

    private void EndAttempt(DateTimeOffset end)
    {
        if (S.AttemptStartedAt is { } started && end > started) S.TrainingTime += end - started;
        S.AttemptStartedAt = null;
    }

    private async Task ChangedAsync()
    {
        S.Revision++;
        await WriteAsync();
        NotifySweep();
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _durableStep = S.LastStep;
        _dirty = false;
        _lastWrite = Now;
    }

    private void NotifySweep()
    {
        _lastSweepUpdate = Now;
        GrainFactory.GetGrain<ISweepGrain>(S.Definition!.SweepId).RunChanged(Summary()).Ignore();
    }

    private void ForgetInQueue() =>
        GrainFactory.GetGrain<IWorkQueueGrain>(S.Definition!.Pool).Forget(RunId).Ignore();

    private void Requeue() =>
        GrainFactory.GetGrain<IWorkQueueGrain>(S.Definition!.Pool).Requeue(RunId).Ignore();

    private RunDefinition Definition() =>
        S.Definition ?? throw new KeyNotFoundException($"run {RunId} does not exist");

    private RunSummary Summary()
    {
        var definition = Definition();
        var now = Now;
        var current = S.AttemptStartedAt is { } started && now > started ? now - started : TimeSpan.Zero;
        return new RunSummary
        {
            RunId = RunId,
            Index = definition.Index,
            Label = definition.Label,
            Variant = definition.Variant,
            Steps = definition.Steps,
            Seed = definition.Seed,
            Status = S.Status,
            Attempts = S.Attempts,
            Progress = S.Progress,
            FinalEvaluation = S.FinalEvaluation,
            FailureReason = S.FailureReason,
            StartedAt = S.StartedAt,
            FinishedAt = S.FinishedAt,
            TrainingTime = S.TrainingTime + current,
            Worker = S.Worker,
            CheckpointStep = S.Checkpoint?.Step,
            Revision = S.Revision,
            Threads = S.Threads,
            Kernels = S.Kernels,
        };
    }
}
