using Microsoft.Extensions.Logging;

namespace Anneal.Silo.Workers;

internal sealed partial class RunAttempt
{
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: trainer of lease {Epoch} abandoned after {Seconds:F0} s without progress; its thread is left behind and the slot moves on")]
    private partial void LogAbandoned(string runId, long epoch, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: dataset {Dataset} ready in {Seconds:F1} s ({Chunks} chunks read)")]
    private partial void LogLoaded(string runId, string dataset, double seconds, long chunks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: dataset load of lease {Epoch} abandoned after {Seconds:F0} s without progress ({Chunks} chunks read); its thread is left behind and the slot moves on")]
    private partial void LogLoadAbandoned(string runId, long epoch, double seconds, long chunks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: an abandoned load's thread returned ({Status})")]
    private partial void LogAbandonedLoadReturned(Exception? exception, string runId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: an abandoned trainer's thread returned ({Status})")]
    private partial void LogAbandonedReturned(string runId, string status);
}
