using System.Diagnostics;
using System.Threading.Channels;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;
using Anneal.Ml.Training;
using Anneal.Silo.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// Carries one training attempt's progress to its run grain off the training thread: a batch of losses per progress
/// report, checkpoints written to the store and committed once the grain has the losses up to their step, and a lease
/// renewal every second. Losses stay here until the grain says they are stored, so a run grain that moves to another
/// silo can ask for them again. When the grain refuses (fenced, cancelled) the attempt is told to stop.
/// </summary>
internal sealed partial class ProgressReporter : IAsyncDisposable
{
    private abstract record Item;
    private sealed record ProgressItem(ProgressReport Report) : Item;
    private sealed record EvaluationItem(EvaluationResult Result) : Item;
    private sealed record CheckpointItem(int Step, byte[] Bytes) : Item;
    private sealed record FlushItem(TaskCompletionSource Done) : Item;

    private static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly IRunGrain _run;
    private readonly RunLease _lease;
    private readonly ICheckpointStore _store;
    private readonly AnnealInstruments _instruments;
    private readonly RunTags _tags;
    private readonly int _slot;
    private readonly TimeSpan _renewInterval;
    private readonly Action<LeaseVerdict> _onLeaseLost;
    private readonly ILogger _logger;
    /// <summary>
    /// Items the trainer may hand over before it waits for the pump. A checkpoint is ~9 MB; when storage or the run grain
    /// is slow, the trainer waits here (back-pressure) instead of piling snapshots up in memory.
    /// </summary>
    public const int MaxPendingItems = 8;

    private readonly Channel<Item> _items = Channel.CreateBounded<Item>(
        new BoundedChannelOptions(MaxPendingItems) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<float> _losses = [];
    private readonly List<EvaluationPoint> _evaluations = [];
    private readonly List<(int Step, string Location)> _uncommitted = [];
    private int _bufferFirstStep;
    private int _acceptedThrough;
    private double _learningRate;
    private double _stepsPerSecond;
    private Task _pump = Task.CompletedTask;
    private Task _renewals = Task.CompletedTask;
    private int _lost = -1;

    public ProgressReporter(
        IRunGrain run, RunLease lease, ICheckpointStore store, AnnealInstruments instruments,
        int slot, TimeSpan renewInterval, Action<LeaseVerdict> onLeaseLost, ILogger logger)
    {
        _run = run;
        _lease = lease;
        _store = store;
        _instruments = instruments;
        _slot = slot;
        _renewInterval = renewInterval;
        _onLeaseLost = onLeaseLost;
        _logger = logger;
        _tags = new RunTags(lease.Definition.SweepId, lease.RunId, lease.Definition.Variant);
    }

    /// <summary>Why the run grain stopped accepting this attempt (fenced or cancelled); null while it accepts.</summary>
    public LeaseVerdict? LostVerdict => _lost < 0 ? null : (LeaseVerdict)_lost;

    /// <summary>The step of the newest checkpoint the run grain accepted from this attempt (or resumed from).</summary>
    public int CommittedStep { get; private set; }

    /// <summary>Renews the lease from now on: loading data and the checkpoint can take longer than a lease.</summary>
    public void StartRenewing() => _renewals = Task.Run(RenewAsync);

    /// <summary>Starts sending progress; the trainer resumed after <paramref name="resumedStep"/>.</summary>
    public void StartReporting(int resumedStep)
    {
        _bufferFirstStep = resumedStep + 1;
        _acceptedThrough = resumedStep;
        CommittedStep = resumedStep;
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
        Hand(new ProgressItem(report));
    }

    public void Evaluation(EvaluationResult result)
    {
        _instruments.RecordValidation(_tags, result.Loss, result.Accuracy);
        Hand(new EvaluationItem(result));
    }

    public void Checkpoint(int step, byte[] bytes) => Hand(new CheckpointItem(step, bytes));

    /// <summary>Completes once every loss and checkpoint handed over so far has been accepted (or the lease is lost).</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_pump == Task.CompletedTask) return Task.CompletedTask; // nothing was ever reported
        if (!Hand(new FlushItem(done))) done.TrySetException(new InvalidOperationException("the reporter is closed"));
        return done.Task;
    }

    /// <returns>False once the reporter is closed.</returns>
    private bool Hand(Item item)
    {
        if (_items.Writer.TryWrite(item)) return true;
        try
        {
            _items.Writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    // ---- the pump: one item at a time, in order ----

    private async Task PumpAsync()
    {
        await foreach (var item in _items.Reader.ReadAllAsync())
        {
            try
            {
                if (LostVerdict is null) await HandleAsync(item);
                if (item is FlushItem flush) flush.Done.TrySetResult();
            }
            catch (Exception e)
            {
                LogReportFailed(e, _lease.RunId);
                if (item is FlushItem flush) flush.Done.TrySetException(e);
            }
        }
    }

    private async Task HandleAsync(Item item)
    {
        switch (item)
        {
            case ProgressItem progress:
                Append(progress.Report);
                await SendAsync();
                await CommitReadyAsync();
                break;
            case EvaluationItem evaluation:
                _evaluations.Add(new EvaluationPoint(evaluation.Result.Step, evaluation.Result.Loss, evaluation.Result.Accuracy));
                break;
            case CheckpointItem checkpoint:
                var clock = Stopwatch.StartNew();
                var location = await _store.WriteAsync(_lease.RunId, _lease.Epoch, checkpoint.Step, checkpoint.Bytes);
                _instruments.RecordCheckpointWrite(clock.Elapsed);
                _uncommitted.Add((checkpoint.Step, location));
                await CommitReadyAsync();
                break;
            case FlushItem:
                await SendAsync();
                await CommitReadyAsync();
                break;
        }
    }

    private void Append(ProgressReport report)
    {
        var expected = _bufferFirstStep + _losses.Count;
        if (report.FirstStep != expected)
            throw new InvalidOperationException($"run {_lease.RunId}: progress from step {report.FirstStep}, expected {expected}");
        _losses.AddRange(report.Losses);
        _learningRate = report.LearningRate;
        _stepsPerSecond = report.StepsPerSecond;
    }

    private async Task SendAsync()
    {
        var lastStep = _bufferFirstStep + _losses.Count - 1;
        // Normally one round; more only when the grain moved and asks for losses it lost.
        for (var round = 0; round < 3 && (_acceptedThrough < lastStep || _evaluations.Count > 0); round++)
        {
            var first = _acceptedThrough + 1;
            if (first < _bufferFirstStep)
                throw new InvalidOperationException($"run {_lease.RunId} lost its losses before step {_bufferFirstStep}; the attempt must restart from the checkpoint");
            var losses = first <= lastStep ? _losses.GetRange(first - _bufferFirstStep, lastStep - first + 1).ToArray() : [];
            var batch = new ProgressBatch(Math.Min(first, lastStep + 1), losses, _learningRate, _stepsPerSecond, _evaluations.ToArray());
            var ack = await CallAsync(() => _run.ReportProgress(_lease.Epoch, batch));
            if (ack.Verdict != LeaseVerdict.Accepted)
            {
                Lose(ack.Verdict);
                return;
            }
            _evaluations.Clear();
            _acceptedThrough = ack.NextStep - 1;
            Trim(Math.Min(ack.DurableStep, _acceptedThrough));
        }
    }

    /// <summary>Drops losses the grain has stored; they will never be asked for again.</summary>
    private void Trim(int durableStep)
    {
        var count = Math.Min(_losses.Count, durableStep - _bufferFirstStep + 1);
        if (count <= 0) return;
        _losses.RemoveRange(0, count);
        _bufferFirstStep += count;
    }

    private async Task CommitReadyAsync()
    {
        while (_uncommitted.Count > 0 && _uncommitted[0].Step <= _acceptedThrough && LostVerdict is null)
        {
            var (step, location) = _uncommitted[0];
            _uncommitted.RemoveAt(0);
            CheckpointAck ack;
            try
            {
                ack = await CallAsync(() => _run.CommitCheckpoint(_lease.Epoch, step, location));
            }
            catch (InvalidOperationException e)
            {
                // The grain does not take this one (it lost progress while moving); the next checkpoint will do.
                LogCheckpointRefused(e, _lease.RunId, step);
                await DeleteAsync(location);
                continue;
            }
            if (ack.Verdict != LeaseVerdict.Accepted)
            {
                await DeleteAsync(location);
                Lose(ack.Verdict);
                return;
            }
            CommittedStep = step;
            if (ack.SupersededLocation is { } superseded) await DeleteAsync(superseded);
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_renewInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    var verdict = await _run.Renew(_lease.Epoch);
                    if (verdict != LeaseVerdict.Accepted)
                    {
                        Lose(verdict);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The run grain's silo may be going away; its next activation gives this lease a grace period.
                    LogRenewFailed(e, _lease.RunId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Lose(LeaseVerdict verdict)
    {
        if (Interlocked.CompareExchange(ref _lost, (int)verdict, -1) != -1) return;
        LogLeaseLost(_lease.RunId, _lease.Epoch, verdict);
        _onLeaseLost(verdict);
    }

    /// <summary>Retries a grain call through a silo going away (the cluster notices within seconds).</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < RetryDelays.Length && e is not InvalidOperationException && !_stop.IsCancellationRequested)
            {
                LogRetrying(e, _lease.RunId, attempt + 1);
                await Task.Delay(RetryDelays[attempt]);
            }
        }
    }

    private async Task DeleteAsync(string location)
    {
        try
        {
            await _store.DeleteAsync(_lease.RunId, location);
        }
        catch (Exception e)
        {
            LogDeleteFailed(e, location);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _items.Writer.TryComplete();
        await _pump;
        await _stop.CancelAsync();
        await _renewals;
        foreach (var (_, location) in _uncommitted) await DeleteAsync(location);
        _uncommitted.Clear();
        _instruments.ForgetRun(_lease.RunId);
        _instruments.SetSlotIdle(_slot);
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease {Epoch} ended by the run ({Verdict}); stopping this attempt")]
    private partial void LogLeaseLost(string runId, long epoch, LeaseVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: could not report progress")]
    private partial void LogReportFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: grain call failed, retry {Attempt}")]
    private partial void LogRetrying(Exception exception, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: lease renewal failed; retrying at the next tick")]
    private partial void LogRenewFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: checkpoint at step {Step} refused")]
    private partial void LogCheckpointRefused(Exception exception, string runId, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete checkpoint {Location}")]
    private partial void LogDeleteFailed(Exception exception, string location);
}
