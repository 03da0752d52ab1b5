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
/// One leased attempt at a run, on a slot's thread: load the data, build the trainer exactly as `anneal train` does,
/// resume from the run's checkpoint, train, and end the lease as the outcome says (complete, fail, or, when the silo
/// shuts down, checkpoint and give the lease back).
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
    private Trainer? _trainer;
    private ProgressReporter? _reporter;

    public void Execute(CancellationToken shutdown)
    {
        using var training = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        _reporter = new ProgressReporter(_run, lease, store, instruments, slot, settings.RenewInterval, _ => training.Cancel(), logger);
        _reporter.StartRenewing();
        try
        {
            var data = datasets.Get(_definition);
            var checkpoint = lease.ResumeFrom is { } from ? store.ReadAsync(lease.RunId, from.Location, shutdown).GetAwaiter().GetResult() : null;
            using var trainer = TrainingStart.Open(RunTrainingOptions.For(_definition), data, settings.Device, checkpoint, line => LogTrainer(lease.RunId, line));
            _trainer = trainer;
            LogStarting(lease.RunId, lease.Epoch, slot, trainer.Step, _definition.Steps);

            _reporter.StartReporting(trainer.Step);
            var outcome = trainer.Run(this, cancellationToken: training.Token);
            Finish(outcome, trainer, _reporter, shutdown);
        }
        catch (DatasetException e)
        {
            Fail(e.Message, permanent: false);
        }
        catch (ArgumentException e) when (_trainer is null)
        {
            // The trainer refuses the options (variant, overrides): retrying cannot help.
            Fail(e.Message, permanent: true);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Release();
        }
        catch (Exception e)
        {
            LogAttemptFailed(e, lease.RunId);
            Fail($"{e.GetType().Name}: {e.Message}", permanent: false);
        }
        finally
        {
            _reporter?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private void Finish(TrainingOutcome outcome, Trainer trainer, ProgressReporter reporter, CancellationToken shutdown)
    {
        if (outcome.Status == TrainingStatus.Completed)
        {
            CompleteAfterFlush(outcome, reporter);
            return;
        }
        if (reporter.LostVerdict is { } verdict)
        {
            LogStopped(lease.RunId, trainer.Step, verdict.ToString());
            return;
        }
        if (outcome.Status == TrainingStatus.Failed)
        {
            reporter.FlushAsync().GetAwaiter().GetResult();
            Fail(outcome.FailureReason ?? "training failed", permanent: true);
            return;
        }
        if (shutdown.IsCancellationRequested)
        {
            // Scaling in loses no progress: checkpoint where training stopped, then hand the run on.
            if (trainer.Step > reporter.CommittedStep) Checkpoint(trainer.Step);
            reporter.FlushAsync().GetAwaiter().GetResult();
            if (reporter.LostVerdict is null) Release();
        }
    }

    private void CompleteAfterFlush(TrainingOutcome outcome, ProgressReporter reporter)
    {
        var final = outcome.FinalEvaluation is { } e ? new EvaluationPoint(e.Step, e.Loss, e.Accuracy) : null;
        for (var attempt = 1; ; attempt++)
        {
            reporter.FlushAsync().GetAwaiter().GetResult();
            if (reporter.LostVerdict is not null) return;
            try
            {
                var verdict = _run.Complete(lease.Epoch, new RunCompletion(final, outcome.WallTime, outcome.StepsPerSecond, settings.Device.Threads, MklKernels.Active.Name)).GetAwaiter().GetResult();
                LogFinished(lease.RunId, verdict.ToString(), outcome.StepsPerSecond);
                if (verdict == LeaseVerdict.Accepted) CollectCheckpoints();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The run grain moved and lost unsaved losses; the next flush resends them.
            }
        }
    }

    /// <summary>A completed run needs no checkpoint, unless its spec keeps the final one: delete the rest, orphans included.</summary>
    private void CollectCheckpoints()
    {
        try
        {
            var keep = _definition.KeepFinalCheckpoint ? _run.GetDetails().GetAwaiter().GetResult().Checkpoint?.Location : null;
            var removed = store.DeleteRunAsync(lease.RunId, keep).GetAwaiter().GetResult();
            LogCheckpointsCollected(lease.RunId, removed, keep is not null);
        }
        catch (Exception e)
        {
            // Not fatal: the run is complete. What is left stays in the store (docs/cluster.md, "Completed runs leave no checkpoints").
            LogAttemptFailed(e, lease.RunId);
        }
    }

    private void Release()
    {
        try
        {
            var verdict = _run.Release(lease.Epoch).GetAwaiter().GetResult();
            LogReleased(lease.RunId, _reporter?.CommittedStep ?? 0, verdict.ToString());
        }
        catch (Exception e)
        {
            // The lease lapses on its own and the run resumes elsewhere.
            LogAttemptFailed(e, lease.RunId);
        }
    }

    private void Fail(string reason, bool permanent)
    {
        LogFailing(lease.RunId, reason, permanent);
        try
        {
            _reporter?.FlushAsync().GetAwaiter().GetResult();
            if (_reporter?.LostVerdict is not null) return;
            _run.Fail(lease.Epoch, reason, permanent).GetAwaiter().GetResult();
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

    void ITrainingObserver.OnProgress(ProgressReport report) => _reporter!.Progress(report);

    void ITrainingObserver.OnEvaluation(EvaluationResult evaluation) => _reporter!.Evaluation(evaluation);

    void ITrainingObserver.OnCheckpointDue(int step) => Checkpoint(step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} (epoch {Epoch}) on slot {Slot}: training from step {Step} of {Steps}")]
    private partial void LogStarting(string runId, long epoch, int slot, int step, int steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Line}")]
    private partial void LogTrainer(string runId, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished ({Verdict}) at {StepsPerSecond:F1} steps/s")]
    private partial void LogFinished(string runId, string verdict, double stepsPerSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: deleted {Count} checkpoints (final kept: {Kept})")]
    private partial void LogCheckpointsCollected(string runId, int count, bool kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} stopped at step {Step}: {Reason}")]
    private partial void LogStopped(string runId, int step, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} given back at checkpoint step {Step} ({Verdict})")]
    private partial void LogReleased(string runId, int step, string verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} attempt failed: {Reason} (permanent: {Permanent})")]
    private partial void LogFailing(string runId, string reason, bool permanent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: attempt error")]
    private partial void LogAttemptFailed(Exception exception, string runId);
}
