using Microsoft.Extensions.Logging;

namespace Anneal.Grains.Runs;

public sealed partial class RunGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} leased to {Worker} under epoch {Epoch}, from step {Step}")]
    private partial void LogGranted(string runId, long epoch, string worker, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: lease {Epoch} of {Worker} lapsed; the run is queued to resume from its checkpoint")]
    private partial void LogLapsed(string runId, long epoch, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed after {Attempts} attempt(s), {Seconds:F1} s of training")]
    private partial void LogCompleted(string runId, int attempts, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} attempt {Epoch} failed: {Reason} (final: {Final})")]
    private partial void LogFailed(string runId, long epoch, string reason, bool final);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: lease {Epoch} given back at checkpoint step {Step}")]
    private partial void LogReleased(string runId, long epoch, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: could not write progress while deactivating")]
    private partial void LogDeactivationWriteFailed(Exception exception, string runId);
}
