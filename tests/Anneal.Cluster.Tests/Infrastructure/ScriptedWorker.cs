using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;

namespace Anneal.Cluster.Tests.Infrastructure;

/// <summary>A worker driven step by step by a test: leases, reports deterministic losses, checkpoints, completes.</summary>
public sealed class ScriptedWorker(IGrainFactory grains, string pool, string name)
{
    public string Name { get; } = name;

    public Task<RunLease?> Lease(TimeSpan? duration = null) =>
        grains.GetGrain<IWorkQueueGrain>(pool).TryLease(Name, duration ?? TimeSpan.FromSeconds(30));

    /// <summary>The loss a deterministic "training" reports at a step, the same on every attempt.</summary>
    public static float LossAt(int step) => 2.5f / step;

    public static ProgressBatch Batch(int firstStep, int lastStep, params EvaluationPoint[] evaluations) =>
        new(firstStep, Enumerable.Range(firstStep, lastStep - firstStep + 1).Select(LossAt).ToArray(), 1e-3, 100, evaluations);

    public Task<ProgressAck> Report(RunLease lease, int firstStep, int lastStep, params EvaluationPoint[] evaluations) =>
        grains.GetGrain<IRunGrain>(lease.RunId).ReportProgress(lease.Epoch, Batch(firstStep, lastStep, evaluations));

    public Task<CheckpointAck> Checkpoint(RunLease lease, int step) =>
        grains.GetGrain<IRunGrain>(lease.RunId).CommitCheckpoint(lease.Epoch, step, $"mem://{lease.RunId}/{lease.Epoch}/{step}");

    public Task<LeaseVerdict> Complete(RunLease lease, EvaluationPoint? final = null) =>
        grains.GetGrain<IRunGrain>(lease.RunId).Complete(lease.Epoch, new RunCompletion(final, TimeSpan.FromSeconds(1), 100));

    /// <summary>Trains the whole run in one go: progress in batches, a checkpoint, completion.</summary>
    public async Task RunToCompletion(RunLease lease, double finalLoss = 0.5)
    {
        var steps = lease.Definition.Steps;
        var from = (lease.ResumeFrom?.Step ?? 0) + 1;
        for (var first = from; first <= steps; first += 5)
            Assert.Equal(LeaseVerdict.Accepted, (await Report(lease, first, Math.Min(steps, first + 4))).Verdict);
        Assert.Equal(LeaseVerdict.Accepted, await Complete(lease, new EvaluationPoint(steps, finalLoss, 0.9)));
    }
}
