using System.Threading.Channels;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;
using Anneal.Ml.Training;
using Anneal.Silo.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// Carries one training attempt's progress to its run grain off the training thread, one item at a time and in order:
/// losses and validation points through a <see cref="ProgressOutbox"/>, checkpoints through a
/// <see cref="CheckpointCommitter"/>, and the lease kept by a <see cref="LeaseRenewer"/> while the trainer advances.
/// When the grain refuses (fenced, cancelled) or reporting fails for good, the attempt is told to stop: a worker that
/// cannot report must not train on unseen.
/// </summary>
internal sealed partial class ProgressReporter : IAsyncDisposable
{
    /// <summary>
    /// Items the trainer may hand over before it waits for the pump. A checkpoint is ~9 MB; when storage or the run grain
    /// is slow, the trainer waits here (back-pressure) instead of piling snapshots up in memory.
    /// </summary>
    public const int MaxPendingItems = 8;

    private readonly Channel<ReportItem> _items = Channel.CreateBounded<ReportItem>(
        new BoundedChannelOptions(MaxPendingItems) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly IRunGrain _run;
    private readonly RunLease _lease;
    private readonly AnnealInstruments _instruments;
    private readonly RunTags _tags;
    private readonly int _slot;
    private readonly ProgressWatch _watch;
    private readonly TestFaults _faults;
    private readonly Action _stopTraining;
    private readonly ILogger _logger;
    private readonly ProgressOutbox _outbox;
    private readonly CheckpointCommitter _checkpoints;
    private readonly LeaseRenewer _renewer;
    private Task _pump = Task.CompletedTask;
    private int _lost = -1;
    private Exception? _fault;

    public ProgressReporter(
        IRunGrain run, RunLease lease, ICheckpointStore store, AnnealInstruments instruments,
        int slot, TimeSpan renewInterval, ProgressWatch watch, TestFaults faults, Action stopTraining, ILogger logger)
    {
        _faults = faults;
        _run = run;
        _lease = lease;
        _instruments = instruments;
        _slot = slot;
        _watch = watch;
        _stopTraining = stopTraining;
        _logger = logger;
        _tags = new RunTags(lease.Definition.SweepId, lease.RunId, lease.Definition.Variant);
        _outbox = new ProgressOutbox(lease.RunId);
        _checkpoints = new CheckpointCommitter(run, lease, store, instruments, _stop.Token, logger);
        _renewer = new LeaseRenewer(run, lease, renewInterval, watch, Lose, logger);
    }

    /// <summary>Why the run grain stopped accepting this attempt (fenced or cancelled); null while it accepts.</summary>
    public LeaseVerdict? LostVerdict => _lost < 0 ? null : (LeaseVerdict)_lost;

    /// <summary>Why reporting failed for good; the attempt must fail rather than train on unreported.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The step of the newest checkpoint the run grain accepted from this attempt (or resumed from).</summary>
    public int CommittedStep => _checkpoints.CommittedStep;

    /// <summary>Completes when the attempt (its load or its trainer) stopped advancing for the stall time; the lease is no longer renewed.</summary>
    public Task Stalled => _renewer.Stalled;

    /// <summary>Renews the lease from now on, while the attempt advances: loading data and the checkpoint can take longer than a lease.</summary>
    public void StartRenewing() => _renewer.Start();

    /// <summary>Starts sending progress; the trainer resumed after <paramref name="resumedStep"/>.</summary>
    public void StartReporting(int resumedStep)
    {
        _outbox.Start(resumedStep);
        _checkpoints.CommittedStep = resumedStep;
        _pump = Task.Run(PumpAsync);
    }

    // ---- called on the training thread; waits only while MaxPendingItems are pending ----

    public void Progress(ProgressReport report)
    {
        if (report.Losses.Count > 0)
        {
            _instruments.RecordTraining(_tags, report.Losses.Count, report.Losses[^1], report.LearningRate);
            _instruments.RecordSlotSpeed(_slot, report.StepsPerSecond);
        }
        Hand(new ReportItem.Progress(report));
    }

    public void Evaluation(EvaluationResult result)
    {
        _instruments.RecordValidation(_tags, result.Loss, result.Accuracy);
        Hand(new ReportItem.Evaluation(result));
    }

    public void Checkpoint(int step, byte[] bytes) => Hand(new ReportItem.Checkpoint(step, bytes));

    /// <summary>
    /// Completes once every item handed over so far has been handled, or skipped because the lease was lost or reporting
    /// failed: callers check <see cref="LostVerdict"/> and <see cref="Fault"/> afterwards.
    /// </summary>
    public Task FlushAsync()
    {
        if (_pump == Task.CompletedTask) return Task.CompletedTask; // nothing was ever reported
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Hand(new ReportItem.Flush(done)) ? done.Task : Task.CompletedTask;
    }

    /// <returns>False once the reporter is closed (an abandoned trainer that came back).</returns>
    private bool Hand(ReportItem item)
    {
        if (_items.Writer.TryWrite(item)) return true;
        try
        {
            // The training thread has nothing else to do until the pump catches up: this wait is the back-pressure.
            _items.Writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var item in _items.Reader.ReadAllAsync())
        {
            try
            {
                if (LostVerdict is null && Fault is null) await HandleAsync(item);
                _watch.HandOverDone();
            }
            catch (Exception e)
            {
                Break(e);
            }
            finally
            {
                if (item is ReportItem.Flush flush) flush.Done.TrySetResult();
            }
        }
    }

    private async Task HandleAsync(ReportItem item)
    {
        switch (item)
        {
            case ReportItem.Progress progress:
                _outbox.Append(progress.Report);
                _faults.AtReport(_lease.Definition, _outbox.LastStep);
                await SendAsync();
                break;
            case ReportItem.Evaluation evaluation:
                _outbox.Add(evaluation.Result);
                break;
            case ReportItem.Checkpoint checkpoint:
                await _checkpoints.WriteAsync(checkpoint.Step, checkpoint.Bytes);
                break;
            case ReportItem.Flush:
                await SendAsync();
                break;
        }
        if (LostVerdict is not null) return;
        var verdict = await _checkpoints.CommitReadyAsync(_outbox.AcceptedThrough);
        if (verdict != LeaseVerdict.Accepted) Lose(verdict);
    }

    private async Task SendAsync()
    {
        // Normally one round; more only when the grain moved and asks for losses it lost.
        for (var round = 0; round < 3 && _outbox.HasUnsent; round++)
        {
            var batch = _outbox.NextBatch();
            var ack = await GrainRetry.CallAsync(() => _run.ReportProgress(_lease.Epoch, batch), LogRetrying, _stop.Token);
            if (ack.Verdict != LeaseVerdict.Accepted)
            {
                Lose(ack.Verdict);
                return;
            }
            _outbox.Acknowledge(ack);
        }
    }

    private void Lose(LeaseVerdict verdict)
    {
        if (Interlocked.CompareExchange(ref _lost, (int)verdict, -1) != -1) return;
        LogLeaseLost(_lease.RunId, _lease.Epoch, verdict);
        _stopTraining();
    }

    /// <summary>Reporting failed after its retries: stop the training, the attempt fails and the run resumes from its checkpoint.</summary>
    private void Break(Exception e)
    {
        if (Interlocked.CompareExchange(ref _fault, e, null) is not null) return;
        LogReportFailed(e, _lease.RunId);
        _stopTraining();
    }

    private void LogRetrying(Exception e, int attempt) => LogRetry(e, _lease.RunId, attempt);

    public async ValueTask DisposeAsync()
    {
        _items.Writer.TryComplete();
        await _pump;
        await _stop.CancelAsync();
        await _renewer.DisposeAsync();
        await _checkpoints.DeleteUncommittedAsync();
        _instruments.ForgetRun(_lease.RunId);
        _instruments.SetSlotIdle(_slot);
        _stop.Dispose();
    }
}
