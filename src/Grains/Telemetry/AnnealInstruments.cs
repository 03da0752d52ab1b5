using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Anneal.Contracts.Sweeps;

namespace Anneal.Grains.Telemetry;

/// <summary>
/// Owns the "Anneal" meter and every instrument in it (names in <see cref="InstrumentNames"/>). Counters and the
/// histogram are recorded where things happen; gauges read the latest values kept here, and a run, slot, sweep or
/// queue that goes away is forgotten so Prometheus stops showing it.
/// </summary>
public sealed class AnnealInstruments
{
    private readonly Counter<long> _trainingSteps;
    private readonly Counter<long> _leaseExpiries;
    private readonly Counter<long> _runRetries;
    private readonly Counter<long> _runsFinished;
    private readonly Counter<long> _progressReports;
    private readonly Histogram<double> _checkpointWriteDuration;

    private readonly ConcurrentDictionary<string, LiveRun> _runs = new();
    private readonly ConcurrentDictionary<int, double> _slotSpeeds = new();
    private readonly ConcurrentDictionary<string, RunCounts> _sweeps = new();
    private readonly ConcurrentDictionary<string, (int Queued, int Leased)> _queues = new();
    private int _slotsTotal;
    private int _slotsBusy;

    public AnnealInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(InstrumentNames.Meter);
        _trainingSteps = meter.CreateCounter<long>(InstrumentNames.TrainingSteps, "{step}", "Training steps done");
        _leaseExpiries = meter.CreateCounter<long>(InstrumentNames.LeaseExpiries, "{lease}", "Leases that lapsed; their runs were requeued");
        _runRetries = meter.CreateCounter<long>(InstrumentNames.RunRetries, "{retry}", "Failed attempts that were retried");
        _runsFinished = meter.CreateCounter<long>(InstrumentNames.RunsFinished, "{run}", "Runs that reached a final status");
        _progressReports = meter.CreateCounter<long>(InstrumentNames.ProgressReports, "{report}", "Progress reports accepted by run grains");
        _checkpointWriteDuration = meter.CreateHistogram(
            InstrumentNames.CheckpointWriteDuration, "s", "Time to write one checkpoint to the checkpoint store",
            advice: new InstrumentAdvice<double>
            {
                // A checkpoint is ~9 MB: milliseconds to a local disk, up to seconds to a busy remote Redis.
                HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            });

        meter.CreateObservableGauge(InstrumentNames.TrainLoss, () => ObserveRuns(r => r.Loss), description: "Latest train loss");
        meter.CreateObservableGauge(InstrumentNames.LearningRate, () => ObserveRuns(r => r.LearningRate), description: "Learning rate at the latest step");
        meter.CreateObservableGauge(InstrumentNames.ValidationLoss, () => ObserveRuns(r => r.ValidationLoss), description: "Latest validation loss");
        meter.CreateObservableGauge(InstrumentNames.ValidationAccuracy, () => ObserveRuns(r => r.ValidationAccuracy), description: "Latest validation accuracy");
        meter.CreateObservableGauge(InstrumentNames.SlotStepsPerSecond, ObserveSlotSpeeds, "{step}/s", "Training speed per busy slot");
        meter.CreateObservableGauge(InstrumentNames.Runs, ObserveRunCounts, "{run}", "Runs per status of the sweeps active on this silo");
        meter.CreateObservableGauge(InstrumentNames.QueueDepth, () => ObserveQueues(q => q.Queued), "{run}", "Runs waiting for a slot");
        meter.CreateObservableGauge(InstrumentNames.QueueLeased, () => ObserveQueues(q => q.Leased), "{run}", "Runs leased to workers");
        meter.CreateObservableGauge(InstrumentNames.SlotsBusy, () => Volatile.Read(ref _slotsBusy), "{slot}", "Training slots busy with a run");
        meter.CreateObservableGauge(InstrumentNames.SlotsFree, () => Math.Max(0, Volatile.Read(ref _slotsTotal) - Volatile.Read(ref _slotsBusy)), "{slot}", "Training slots waiting for work");
    }

    /// <summary>A worker finished <paramref name="steps"/> more steps; the last one had this loss and LR.</summary>
    public void RecordTraining(RunTags run, int steps, double loss, double learningRate)
    {
        _trainingSteps.Add(steps, run.ToArray());
        var live = _runs.GetOrAdd(run.Run, _ => new LiveRun(run));
        live.Loss = loss;
        live.LearningRate = learningRate;
    }

    public void RecordValidation(RunTags run, double loss, double accuracy)
    {
        var live = _runs.GetOrAdd(run.Run, _ => new LiveRun(run));
        live.ValidationLoss = loss;
        live.ValidationAccuracy = accuracy;
    }

    /// <summary>The run left this silo's slots: its gauges disappear from this silo.</summary>
    public void ForgetRun(string runId) => _runs.TryRemove(runId, out _);

    public void RecordSlotSpeed(int slot, double stepsPerSecond) => _slotSpeeds[slot] = stepsPerSecond;

    public void SetSlotIdle(int slot) => _slotSpeeds.TryRemove(slot, out _);

    public void SetSlotCount(int total) => Volatile.Write(ref _slotsTotal, total);

    public void SlotBusy() => Interlocked.Increment(ref _slotsBusy);

    public void SlotFree() => Interlocked.Decrement(ref _slotsBusy);

    public void RecordCheckpointWrite(TimeSpan duration) => _checkpointWriteDuration.Record(duration.TotalSeconds);

    public void RecordLeaseExpiry(string sweep, string variant) =>
        _leaseExpiries.Add(1, new(InstrumentNames.SweepTag, sweep), new(InstrumentNames.VariantTag, variant));

    public void RecordRetry(string sweep, string variant) =>
        _runRetries.Add(1, new(InstrumentNames.SweepTag, sweep), new(InstrumentNames.VariantTag, variant));

    public void RecordRunFinished(string sweep, string variant, string status) =>
        _runsFinished.Add(1, new(InstrumentNames.SweepTag, sweep), new(InstrumentNames.VariantTag, variant), new(InstrumentNames.StatusTag, status));

    public void RecordProgressReport() => _progressReports.Add(1);

    /// <summary>A sweep grain on this silo holds these counts; <see cref="ForgetSweep"/> when it deactivates.</summary>
    public void SetSweepRuns(string sweep, RunCounts counts) => _sweeps[sweep] = counts;

    public void ForgetSweep(string sweep) => _sweeps.TryRemove(sweep, out _);

    public void SetQueue(string pool, int queued, int leased) => _queues[pool] = (queued, leased);

    public void ForgetQueue(string pool) => _queues.TryRemove(pool, out _);

    private IEnumerable<Measurement<double>> ObserveRuns(Func<LiveRun, double?> value)
    {
        foreach (var live in _runs.Values)
        {
            if (value(live) is { } v) yield return new Measurement<double>(v, live.Tags);
        }
    }

    private IEnumerable<Measurement<double>> ObserveSlotSpeeds()
    {
        foreach (var (slot, speed) in _slotSpeeds)
            yield return new Measurement<double>(speed, new KeyValuePair<string, object?>(InstrumentNames.SlotTag, slot.ToString()));
    }

    private IEnumerable<Measurement<int>> ObserveRunCounts()
    {
        foreach (var (sweep, counts) in _sweeps)
        {
            var tag = new KeyValuePair<string, object?>(InstrumentNames.SweepTag, sweep);
            yield return Count(counts.Queued, "queued");
            yield return Count(counts.Running, "running");
            yield return Count(counts.Completed, "completed");
            yield return Count(counts.Failed, "failed");
            yield return Count(counts.Cancelled, "cancelled");

            Measurement<int> Count(int value, string status) =>
                new(value, tag, new KeyValuePair<string, object?>(InstrumentNames.StatusTag, status));
        }
    }

    private IEnumerable<Measurement<int>> ObserveQueues(Func<(int Queued, int Leased), int> value)
    {
        foreach (var (pool, sizes) in _queues)
            yield return new Measurement<int>(value(sizes), new KeyValuePair<string, object?>(InstrumentNames.PoolTag, pool));
    }

    private sealed class LiveRun(RunTags tags)
    {
        public KeyValuePair<string, object?>[] Tags { get; } = tags.ToArray();
        public double? Loss { get; set; }
        public double? LearningRate { get; set; }
        public double? ValidationLoss { get; set; }
        public double? ValidationAccuracy { get; set; }
    }
}
