using Anneal.Contracts.Runs;
using Anneal.Contracts.Work;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// Renews an attempt's lease every renew interval, but only while the attempt advances (<see cref="ProgressWatch"/>):
/// a trainer stuck in native code, or a load stuck in a read, must not hold its run forever. On a stall it stops renewing and says so through
/// <see cref="Stalled"/>; the lease then lapses and the run resumes elsewhere from its last checkpoint.
/// </summary>
internal sealed partial class LeaseRenewer(
    IRunGrain run, RunLease lease, TimeSpan interval, ProgressWatch watch, Action<LeaseVerdict> onLost, ILogger logger) : IAsyncDisposable
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Completes when the attempt stopped advancing and renewals stopped.</summary>
    public Task Stalled => _stalled.Task;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (watch.IsStalled())
                {
                    LogStalled(lease.RunId, lease.Epoch, watch.StallTime.TotalSeconds);
                    _stalled.TrySetResult();
                    return;
                }
                try
                {
                    var verdict = await run.Renew(lease.Epoch);
                    if (verdict != LeaseVerdict.Accepted)
                    {
                        onLost(verdict);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The run grain's silo may be going away; its next activation gives this lease a grace period.
                    LogRenewFailed(e, lease.RunId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease {Epoch} no longer renewed, the attempt made no progress for {Seconds:F0} s")]
    private partial void LogStalled(string runId, long epoch, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: lease renewal failed; retrying at the next tick")]
    private partial void LogRenewFailed(Exception exception, string runId);
}
