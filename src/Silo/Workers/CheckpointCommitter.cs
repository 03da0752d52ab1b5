using System.Diagnostics;
using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;
using Anneal.Silo.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// Writes an attempt's checkpoints to the store and commits each to the run grain once the grain has the losses up to
/// its step. A checkpoint that is refused, superseded or never committed is deleted, so none is left behind.
/// </summary>
internal sealed partial class CheckpointCommitter(
    IRunGrain run, RunLease lease, ICheckpointStore store, AnnealInstruments instruments, CancellationToken stop, ILogger logger)
{
    private readonly List<(int Step, string Location)> _uncommitted = [];

    /// <summary>The step of the newest checkpoint the run grain accepted from this attempt (or resumed from).</summary>
    public int CommittedStep { get; set; }

    public async Task WriteAsync(int step, byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var location = await store.WriteAsync(lease.RunId, lease.Epoch, step, bytes);
        instruments.RecordCheckpointWrite(clock.Elapsed);
        _uncommitted.Add((step, location));
    }

    /// <summary>Commits the written checkpoints whose step the grain has the losses for.</summary>
    /// <returns>Accepted, or why the grain no longer accepts this attempt.</returns>
    public async Task<LeaseVerdict> CommitReadyAsync(int acceptedThrough)
    {
        while (_uncommitted.Count > 0 && _uncommitted[0].Step <= acceptedThrough)
        {
            var (step, location) = _uncommitted[0];
            _uncommitted.RemoveAt(0);
            CheckpointAck ack;
            try
            {
                ack = await GrainRetry.CallAsync(() => run.CommitCheckpoint(lease.Epoch, step, location), LogRetrying, stop);
            }
            catch (InvalidOperationException e)
            {
                // The grain does not take this one (it lost progress while moving); the next checkpoint will do.
                LogCheckpointRefused(e, lease.RunId, step);
                await DeleteAsync(location);
                continue;
            }
            if (ack.Verdict != LeaseVerdict.Accepted)
            {
                await DeleteAsync(location);
                return ack.Verdict;
            }
            CommittedStep = step;
            if (ack.SupersededLocation is { } superseded) await DeleteAsync(superseded);
        }
        return LeaseVerdict.Accepted;
    }

    /// <summary>Deletes what was written but never committed (the attempt ends).</summary>
    public async Task DeleteUncommittedAsync()
    {
        foreach (var (_, location) in _uncommitted) await DeleteAsync(location);
        _uncommitted.Clear();
    }

    private async Task DeleteAsync(string location)
    {
        try
        {
            await store.DeleteAsync(lease.RunId, location);
        }
        catch (Exception e)
        {
            LogDeleteFailed(e, location);
        }
    }

    private void LogRetrying(Exception e, int attempt) => LogRetry(e, lease.RunId, attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: checkpoint commit failed, retry {Attempt}")]
    private partial void LogRetry(Exception exception, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: checkpoint at step {Step} refused")]
    private partial void LogCheckpointRefused(Exception exception, string runId, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete checkpoint {Location}")]
    private partial void LogDeleteFailed(Exception exception, string location);
}
