using Anneal.Contracts.Work;
using Anneal.Grains.Telemetry;
using Anneal.Silo.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

/// <summary>
/// One training slot: asks the work queue for a run, trains it (on a thread of the attempt's own), and asks again, until
/// the silo shuts down. Training never runs inside a grain turn. A slot whose trainer hangs abandons it and moves on.
/// </summary>
internal sealed partial class TrainingSlot(
    int index,
    string workerId,
    WorkerSettings settings,
    IGrainFactory grains,
    DatasetCache datasets,
    ICheckpointStore store,
    AnnealInstruments instruments,
    ILogger logger)
{
    public Task Start(CancellationToken shutdown) => Task.Run(() => LoopAsync(shutdown), CancellationToken.None);

    private async Task LoopAsync(CancellationToken shutdown)
    {
        var queue = grains.GetGrain<IWorkQueueGrain>(settings.Pool);
        LogStarted(index, workerId, settings.Pool);
        while (!shutdown.IsCancellationRequested)
        {
            RunLease? lease;
            try
            {
                lease = await queue.TryLease(workerId, settings.LeaseDuration);
            }
            catch (Exception e)
            {
                LogLeaseFailed(e, index);
                lease = null;
            }
            if (lease is null)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, shutdown);
                }
                catch (OperationCanceledException)
                {
                }
                continue;
            }

            instruments.SlotBusy();
            try
            {
                await new RunAttempt(lease, index, settings, grains, datasets, store, instruments, logger).ExecuteAsync(shutdown);
            }
            finally
            {
                instruments.SlotFree();
            }
        }
        LogStopped(index);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Slot} ({Worker}) leasing from pool {Pool}")]
    private partial void LogStarted(int slot, string worker, string pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {Slot}: could not lease from the work queue; asking again shortly")]
    private partial void LogLeaseFailed(Exception exception, int slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Slot} stopped")]
    private partial void LogStopped(int slot);
}
