using System.Diagnostics;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;
using Anneal.Ml.Data;
using Anneal.Ml.Devices;
using Anneal.Ml.Training;
using Anneal.Silo.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// One leased attempt at a run: load the data, build the trainer exactly as `anneal train` does, resume from the run's
/// checkpoint, train on a thread of its own, and end the lease as the outcome says (complete, fail, or, when the silo
/// shuts down, checkpoint and give the lease back). A load or a trainer that stops advancing is abandoned: its lease
/// lapses and the run resumes elsewhere from its last checkpoint.
/// </summary>
internal sealed partial class RunAttempt(
    RunLease lease,
    int slot,
    WorkerSettings settings,
    IGrainFactory grains,
    DatasetCache datasets,
    ICheckpointStore store,
    AnnealInstruments instruments,
    ILogger logger) : ITrainingObserver
{
    private readonly RunDefinition _definition = lease.Definition;
    private readonly IRunGrain _run = grains.GetGrain<IRunGrain>(lease.RunId);
    private readonly ProgressWatch _watch = new(settings.StallTime, TimeProvider.System);
    private Trainer? _trainer;
    private ProgressReporter? _reporter;

    public async Task ExecuteAsync(CancellationToken shutdown)
    {
        using var training = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        _reporter = new ProgressReporter(_run, lease, store, instruments, slot, settings.RenewInterval, _watch, settings.Faults, () => training.Cancel(), logger);
        _reporter.StartRenewing();
        try
        {
            if (await LoadAsync(shutdown) is not { } data) return;
            var checkpoint = lease.ResumeFrom is { } from ? await store.ReadAsync(lease.RunId, from.Location, shutdown) : null;
            var trainerThread = TrainingThread.Start($"run {lease.RunId}", () => Train(data, checkpoint, training.Token, shutdown));
            if (await Task.WhenAny(trainerThread, _reporter.Stalled) != trainerThread)
            {
                Abandon(trainerThread, training);
                return;
            }
            await FinishAsync(await trainerThread, _reporter, shutdown);
        }
        catch (DatasetException e)
        {
            await FailAsync(e.Message, permanent: false);
        }
        catch (ArgumentException e) when (_trainer is null)
        {
            // The trainer refuses the options (variant, overrides): retrying cannot help.
            await FailAsync(e.Message, permanent: true);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            await ReleaseAsync();
        }
        catch (Exception e)
        {
            LogAttemptFailed(e, lease.RunId);
            await FailAsync($"{e.GetType().Name}: {e.Message}", permanent: false);
        }
        finally
        {
            await _reporter.DisposeAsync();
        }
    }

    /// <summary>
    /// Loads the run's dataset on a thread of its own, judged chunk by chunk by the stall time like a trainer's steps.
    /// A load that stops advancing is abandoned: the cache forgets it (the next attempt reads afresh), its thread is left
    /// behind in its read, and null tells the slot to move on while the lease lapses (docs/cluster.md, "A dataset load
    /// hangs").
    /// </summary>
    private async Task<DatasetSplits?> LoadAsync(CancellationToken shutdown)
    {
        var chunks = new TrainingPulse();
        var started = Stopwatch.GetTimestamp();
        _watch.Watch(chunks);
        try
        {
            var load = Task.Run(() => datasets.Get(_definition, () =>
            {
                chunks.Beat();
                settings.Faults.AtLoadChunk(_definition, chunks.Beats);
            }), shutdown);
            if (await Task.WhenAny(load, _reporter!.Stalled) != load)
            {
                datasets.ForgetUnfinished(_definition);
                LogLoadAbandoned(lease.RunId, lease.Epoch, settings.StallTime.TotalSeconds, chunks.Beats);
                _ = load.ContinueWith(t => LogAbandonedLoadReturned(t.Exception, lease.RunId, t.Status.ToString()), TaskScheduler.Default);
                return null;
            }
            var data = await load;
            LogLoaded(lease.RunId, _definition.Dataset, Stopwatch.GetElapsedTime(started).TotalSeconds, chunks.Beats);
            return data;
        }
        finally
        {
            _watch.Unwatch();
        }
    }

    /// <summary>On the training thread, which owns the trainer from construction (torch's thread settings) to disposal.</summary>
    private TrainingOutcome Train(DatasetSplits data, byte[]? checkpoint, CancellationToken stop, CancellationToken shutdown)
    {
        using var trainer = TrainingStart.Open(RunTrainingOptions.For(_definition), data, settings.Device, checkpoint, line => LogTrainer(lease.RunId, line));
        _trainer = trainer;
        LogStarting(lease.RunId, lease.Epoch, slot, trainer.Step, _definition.Steps);
        _reporter!.StartReporting(trainer.Step);
        _watch.Watch(trainer.Pulse);
        var outcome = trainer.Run(this, cancellationToken: stop);
        _watch.Unwatch();
        // Scaling in loses no progress: checkpoint where training stopped, then the run is handed on.
        if (outcome.Status == TrainingStatus.Stopped && shutdown.IsCancellationRequested && _reporter.LostVerdict is null
            && _reporter.Fault is null && trainer.Step > _reporter.CommittedStep)
            Checkpoint(trainer.Step);
        return outcome;
    }

    /// <summary>
    /// The trainer made no progress for the stall time and its lease is no longer renewed. Its thread cannot be stopped
    /// (it may be inside native code): it is asked to stop at its next step and left behind, holding its trainer's memory
    /// until it returns, if ever. The slot moves on; the run lapses and resumes elsewhere (docs/cluster.md, "A hung
    /// trainer loses its run").
    /// </summary>
    private void Abandon(Task<TrainingOutcome> trainerThread, CancellationTokenSource training)
    {
        training.Cancel();
        LogAbandoned(lease.RunId, lease.Epoch, settings.StallTime.TotalSeconds);
        _ = trainerThread.ContinueWith(t => LogAbandonedReturned(lease.RunId, t.Status.ToString()), TaskScheduler.Default);
    }

    private async Task FinishAsync(TrainingOutcome outcome, ProgressReporter reporter, CancellationToken shutdown)
    {
        if (reporter.LostVerdict is null && reporter.Fault is null && outcome.Status == TrainingStatus.Completed)
        {
            await CompleteAfterFlushAsync(outcome, reporter);
            return;
        }
        if (reporter.LostVerdict is { } verdict)
        {
            LogStopped(lease.RunId, outcome.Step, verdict.ToString());
            return;
        }
        if (reporter.Fault is { } fault)
        {
            await FailAsync($"progress reporting failed: {fault.GetType().Name}: {fault.Message}", permanent: false);
            return;
        }
        if (outcome.Status == TrainingStatus.Failed)
        {
            await FailAsync(outcome.FailureReason ?? "training failed", permanent: true);
            return;
        }
        if (shutdown.IsCancellationRequested)
        {
            await reporter.FlushAsync();
            if (reporter.LostVerdict is null && reporter.Fault is null) await ReleaseAsync();
        }
    }

    private async Task CompleteAfterFlushAsync(TrainingOutcome outcome, ProgressReporter reporter)
    {
        var final = outcome.FinalEvaluation is { } e ? new EvaluationPoint(e.Step, e.Loss, e.Accuracy) : null;
        for (var attempt = 1; ; attempt++)
        {
            await reporter.FlushAsync();
            if (reporter.LostVerdict is not null) return;
            if (reporter.Fault is { } fault)
            {
                await FailAsync($"progress reporting failed: {fault.GetType().Name}: {fault.Message}", permanent: false);
                return;
            }
            try
            {
                var verdict = await _run.Complete(lease.Epoch, new RunCompletion(final, outcome.WallTime, outcome.StepsPerSecond, settings.Device.Threads, MklKernels.Active.Name));
                LogFinished(lease.RunId, verdict.ToString(), outcome.StepsPerSecond);
                if (verdict == LeaseVerdict.Accepted) await CollectCheckpointsAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The run grain moved and lost unsaved losses; the next flush resends them.
            }
        }
    }

    /// <summary>A completed run needs no checkpoint, unless its spec keeps the final one: delete the rest, orphans included.</summary>
    private async Task CollectCheckpointsAsync()
    {
        try
        {
            var keep = _definition.KeepFinalCheckpoint ? (await _run.GetDetails()).Checkpoint?.Location : null;
            var removed = await store.DeleteRunAsync(lease.RunId, keep);
            LogCheckpointsCollected(lease.RunId, removed, keep is not null);
        }
        catch (Exception e)
        {
            // Not fatal: the run is complete. What is left stays in the store (docs/cluster.md, "Completed runs leave no checkpoints").
            LogAttemptFailed(e, lease.RunId);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            var verdict = await _run.Release(lease.Epoch);
            LogReleased(lease.RunId, _reporter?.CommittedStep ?? 0, verdict.ToString());
        }
        catch (Exception e)
        {
            // The lease lapses on its own and the run resumes elsewhere.
            LogAttemptFailed(e, lease.RunId);
        }
    }

    private async Task FailAsync(string reason, bool permanent)
    {
        LogFailing(lease.RunId, reason, permanent);
        try
        {
            if (_reporter is not null) await _reporter.FlushAsync();
            if (_reporter?.LostVerdict is not null) return;
            await _run.Fail(lease.Epoch, reason, permanent);
        }
        catch (Exception e)
        {
            LogAttemptFailed(e, lease.RunId);
        }
    }

    private void Checkpoint(int step)
    {
        using var buffer = new MemoryStream();
        _trainer!.SaveCheckpoint(buffer);
        _reporter!.Checkpoint(step, buffer.ToArray());
    }

    void ITrainingObserver.OnProgress(ProgressReport report)
    {
        _reporter!.Progress(report);
        settings.Faults.AtProgress(_definition, report.FirstStep + report.Losses.Count - 1);
    }

    void ITrainingObserver.OnEvaluation(EvaluationResult evaluation) => _reporter!.Evaluation(evaluation);

    void ITrainingObserver.OnCheckpointDue(int step) => Checkpoint(step);
}
