namespace Anneal.Grains.Hosting;

/// <summary>How the grains pace storage writes, lease checks and retries (section "Anneal:Grains").</summary>
public sealed class AnnealGrainOptions
{
    public const string Section = "Anneal:Grains";

    /// <summary>A run that fails with the same reason this many times in a row is marked failed, not retried.</summary>
    public int MaxSameFailures { get; set; } = 3;

    /// <summary>
    /// A run whose lease lapses this many times (its worker died, froze or stalled) is marked failed, not offered again:
    /// a run that kills its worker every time would otherwise circle the cluster forever. Higher than
    /// <see cref="MaxSameFailures"/> because a preempted or scaled-in worker is not the run's fault.
    /// </summary>
    public int MaxLapsedLeases { get; set; } = 5;

    /// <summary>
    /// Longest time a run grain keeps progress only in memory. Progress since the last write is safe anyway: the worker
    /// holds it until acknowledged durable, and checkpoints and status changes are written at once.
    /// </summary>
    public TimeSpan ProgressWriteInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between progress updates a run sends its sweep (status changes are sent at once).</summary>
    public TimeSpan SweepUpdateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a running sweep asks its unfinished runs for their status, so it finishes even when run updates (one-way
    /// messages) were lost with a silo.
    /// </summary>
    public TimeSpan SweepReconcilePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the work queue looks for leases that lapsed.</summary>
    public TimeSpan LeaseCheckPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
