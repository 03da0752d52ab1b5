namespace Anneal.Grains.Telemetry;

/// <summary>
/// Every instrument of the "Anneal" meter, with the name Prometheus shows for it. These names are a contract with the
/// Grafana dashboard and alerts: add new ones, never rename.
/// </summary>
public static class InstrumentNames
{
    public const string Meter = "Anneal";

    // Label names.
    public const string SweepTag = "sweep";
    public const string RunTag = "run";
    public const string VariantTag = "variant";
    public const string SlotTag = "slot";
    public const string StatusTag = "status";
    public const string PoolTag = "pool";

    /// <summary>Counter, training steps done (sweep, run, variant). Prometheus: anneal_training_steps_total.</summary>
    public const string TrainingSteps = "anneal.training.steps";

    /// <summary>Gauge, latest reported train loss (sweep, run, variant). Prometheus: anneal_train_loss.</summary>
    public const string TrainLoss = "anneal.train.loss";

    /// <summary>Gauge, learning rate at the latest step (sweep, run, variant). Prometheus: anneal_train_learning_rate.</summary>
    public const string LearningRate = "anneal.train.learning_rate";

    /// <summary>Gauge, latest validation loss (sweep, run, variant). Prometheus: anneal_validation_loss.</summary>
    public const string ValidationLoss = "anneal.validation.loss";

    /// <summary>Gauge, latest validation accuracy in [0, 1] (sweep, run, variant). Prometheus: anneal_validation_accuracy.</summary>
    public const string ValidationAccuracy = "anneal.validation.accuracy";

    /// <summary>Gauge, training speed of each busy slot of this silo (slot). Prometheus: anneal_slot_steps_per_second.</summary>
    public const string SlotStepsPerSecond = "anneal.slot.steps_per_second";

    /// <summary>Gauge, runs per status of the sweeps active on this silo (sweep, status); sum over silos. Prometheus: anneal_runs.</summary>
    public const string Runs = "anneal.runs";

    /// <summary>Gauge, runs waiting for a slot (pool). Prometheus: anneal_queue_depth.</summary>
    public const string QueueDepth = "anneal.queue.depth";

    /// <summary>Gauge, runs leased to workers (pool). Prometheus: anneal_queue_leased.</summary>
    public const string QueueLeased = "anneal.queue.leased";

    /// <summary>Counter, leases that lapsed and were requeued (sweep, variant). Prometheus: anneal_lease_expiries_total.</summary>
    public const string LeaseExpiries = "anneal.lease.expiries";

    /// <summary>Counter, failed attempts that were retried (sweep, variant). Prometheus: anneal_run_retries_total.</summary>
    public const string RunRetries = "anneal.run.retries";

    /// <summary>Counter, runs that reached a final status (sweep, variant, status). Prometheus: anneal_runs_finished_total.</summary>
    public const string RunsFinished = "anneal.runs.finished";

    /// <summary>Counter, progress reports accepted by run grains. Prometheus: anneal_progress_reports_total.</summary>
    public const string ProgressReports = "anneal.progress.reports";

    /// <summary>Histogram, time to write one checkpoint to the store. Prometheus: anneal_checkpoint_write_duration_seconds.</summary>
    public const string CheckpointWriteDuration = "anneal.checkpoint.write.duration";

    /// <summary>Gauge, training slots of this silo busy with a run. Prometheus: anneal_slots_busy.</summary>
    public const string SlotsBusy = "anneal.slots.busy";

    /// <summary>Gauge, training slots of this silo waiting for work. Prometheus: anneal_slots_free.</summary>
    public const string SlotsFree = "anneal.slots.free";
}
